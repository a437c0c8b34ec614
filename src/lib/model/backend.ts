/**
 * Picks and starts the tfjs backend.
 *
 * Order: wasm with SIMD first. For these small networks it matches WebGL on integrated GPUs,
 * and the lab reads every layer's output back each run, which costs WebGL one GPU→CPU copy per
 * layer. WebGL next when wasm SIMD is missing but a hardware GPU is present (a software WebGL
 * renderer is slower than wasm), then plain wasm, then the cpu backend as the last resort.
 *
 * The .wasm binaries are bundled by Vite (`?url`, hashed names, same origin; no CDN).
 *
 * Threads: tfjs' threaded binary starts its workers from a blob: URL, and each worker
 * importScripts() another blob: URL; under a CSP without blob: the workers die and tfjs never
 * finishes starting. Threads also need SharedArrayBuffer, i.e. a cross-origin isolated page
 * (COOP + COEP headers). So threads are used only where the page's CSP allows blob: worker
 * scripts (the lab's does, src/lib/csp.ts), the page is isolated, and there are ≥ 4 logical
 * cores: tfjs caps its pool at half the logical cores, so on 2 it runs one thread anyway (and
 * forcing a second thread onto a busy 2-core machine measured 2–4× slower, not faster).
 */
import * as tf from '@tensorflow/tfjs-core';
import { allowsBlobWorkerScripts } from '$lib/csp';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type BackendName = 'wasm' | 'webgl' | 'cpu';

export interface BackendEnvironment {
	/** WebAssembly with 128-bit SIMD. */
	wasmSimd: boolean;
	/** Any WebAssembly. */
	wasm: boolean;
	/** A WebGL context backed by a real GPU (not SwiftShader / llvmpipe). */
	hardwareGpu: boolean;
}

/** The order to try backends in (pure, see the module comment for why). */
export function backendOrder(env: BackendEnvironment): BackendName[] {
	const order: BackendName[] = [];
	if (env.wasm && env.wasmSimd) order.push('wasm');
	if (env.hardwareGpu) order.push('webgl');
	if (env.wasm && !env.wasmSimd) order.push('wasm');
	order.push('cpu');
	return order;
}

/** Threads for tfjs' wasm backend (1 = the single-threaded binary); see the module comment. */
export function wasmThreads(page: {
	isolated: boolean;
	cores: number;
	blobScriptsAllowed: boolean;
}): number {
	return page.isolated && page.blobScriptsAllowed && page.cores >= 4
		? Math.floor(page.cores / 2)
		: 1;
}

/** Whether the page's own CSP (its <meta> policies) lets wasm threads start. */
function pageAllowsBlobWorkers(): boolean {
	if (typeof document === 'undefined') return false;
	const policies = [
		...document.querySelectorAll('meta[http-equiv="content-security-policy" i]')
	].map((meta) => meta.getAttribute('content') ?? '');
	return policies.every(allowsBlobWorkerScripts);
}

/** A backend that has not started after this long is given up on (the next one is tried). */
const START_TIMEOUT_MS = 20_000;

export interface BackendInfo {
	name: BackendName;
	/** wasm only: the SIMD binary is in use. */
	simd: boolean;
	/** wasm only: XNNPACK threads (1 = single-threaded binary). */
	threads: number;
	/** The page is cross-origin isolated (COOP + COEP), which threads need. */
	isolated: boolean;
	/** WebGL renderer string, when a context could be created. */
	gpu: string | null;
	/** The backends tried before this one, in order, and why each did not start. */
	fallbacks: BackendFallback[];
}

/** Why a backend did not start. */
export type FallbackReason =
	/** The browser has no WebAssembly (or no SIMD, for the order's first wasm try). */
	| 'unsupported'
	/** The page's Content-Security-Policy forbids compiling WebAssembly ('wasm-unsafe-eval'). */
	| 'blocked-by-policy'
	/** It did not start within START_TIMEOUT_MS. */
	| 'timed-out'
	/** It threw or refused to start. */
	| 'failed';

export interface BackendFallback {
	name: BackendName;
	reason: FallbackReason;
	/** The error's message, when there was one. */
	detail?: string;
	/** For 'timed-out': how long it was given. */
	timeoutMs?: number;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

function webglRenderer(): string | null {
	if (typeof document === 'undefined') return null;
	try {
		const canvas = document.createElement('canvas');
		const gl = (canvas.getContext('webgl2') ??
			canvas.getContext('webgl')) as WebGLRenderingContext | null;
		if (!gl) return null;
		const info = gl.getExtension('WEBGL_debug_renderer_info');
		const renderer = String(
			gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? 'unknown'
		);
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return renderer;
	} catch {
		return null;
	}
}

async function startWasm(threads: number): Promise<boolean> {
	const wasm = await import('@tensorflow/tfjs-backend-wasm');
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
	wasm.setWasmPaths({
		'tfjs-backend-wasm.wasm': wasmPlainUrl,
		'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
		'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl
	});
	if (threads > 1) wasm.setThreadsCount(threads);
	return tf.setBackend('wasm');
}

/**
 * Whether this page may compile WebAssembly. Under a policy without 'wasm-unsafe-eval' the
 * smallest valid module fails to compile; tfjs itself would only log a warning and fall back.
 */
export function wasmCompileAllowed(): boolean {
	try {
		new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
		return true;
	} catch {
		return false;
	}
}

type Started = { ok: true } | { ok: false; why: Omit<BackendFallback, 'name'> };

async function start(name: BackendName, threads: number): Promise<Started> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<Started>((resolve) => {
		timer = setTimeout(
			() => resolve({ ok: false, why: { reason: 'timed-out', timeoutMs: START_TIMEOUT_MS } }),
			START_TIMEOUT_MS
		);
	});
	const starting = (async (): Promise<Started> => {
		if (name === 'wasm' && !wasmCompileAllowed()) {
			return { ok: false, why: { reason: 'blocked-by-policy' } };
		}
		// Each backend's code is loaded only when it is the one tried.
		if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
		if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
		const ok = name === 'wasm' ? await startWasm(threads) : await tf.setBackend(name);
		return ok ? { ok: true } : { ok: false, why: { reason: 'failed' } };
	})().catch((error: unknown): Started => ({
		ok: false,
		why: { reason: 'failed', detail: error instanceof Error ? error.message : String(error) }
	}));
	try {
		return await Promise.race([starting, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

async function probeWasmSimd(): Promise<boolean> {
	// The wasm backend registers this flag (a WebAssembly.validate of a SIMD module) on import.
	await import('@tensorflow/tfjs-backend-wasm');
	return (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
}

let started: Promise<BackendInfo> | null = null;

/**
 * Starts the best backend once per page (later calls return the same result). `preferred`
 * puts one backend first (e.g. a `?backend=` query for comparisons); the rest follow in order.
 * `blobScriptsAllowed`: workers may load blob: scripts, so wasm may use threads (default: what
 * the page's <meta> CSP says; a stricter CSP header set by a host cannot be seen from here).
 */
export function initBackend(
	preferred?: BackendName,
	options: { blobScriptsAllowed?: boolean } = {}
): Promise<BackendInfo> {
	started ??= (async () => {
		const isolated = globalThis.crossOriginIsolated === true;
		const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
		const wasm = typeof WebAssembly === 'object';
		const gpu = webglRenderer();
		const env: BackendEnvironment = {
			wasm,
			wasmSimd: wasm && (await probeWasmSimd().catch(() => false)),
			hardwareGpu: gpu !== null && !SOFTWARE_RENDERER.test(gpu)
		};
		const order = backendOrder(env);
		const tries = preferred ? [preferred, ...order.filter((b) => b !== preferred)] : order;
		const threads = wasmThreads({
			isolated,
			cores,
			blobScriptsAllowed: options.blobScriptsAllowed ?? pageAllowsBlobWorkers()
		});
		const fallbacks: BackendFallback[] = [];
		if (!order.includes('wasm')) fallbacks.push({ name: 'wasm', reason: 'unsupported' });
		for (const name of tries) {
			const started = await start(name, threads);
			if (started.ok) {
				const simd = name === 'wasm' && env.wasmSimd;
				const actualThreads =
					name === 'wasm' ? (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount() : 1;
				return { name, simd, threads: actualThreads, isolated, gpu, fallbacks };
			}
			fallbacks.push({ name, ...started.why });
		}
		throw new Error('No tfjs backend could start (wasm, WebGL and cpu all failed).');
	})();
	return started;
}
