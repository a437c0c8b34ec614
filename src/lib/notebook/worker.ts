/**
 * The notebook's sandbox: a dedicated worker that runs the cells' code, one run at a time.
 *
 * Why running a student's code here is safe: a worker has no DOM, no `document`, no cookies
 * and no localStorage, so a cell cannot read or change the page or its stored data. Before any
 * cell runs, the worker also removes what could reach beyond it: the network (fetch, XHR,
 * WebSocket, EventSource, WebTransport), origin storage (indexedDB, Cache Storage,
 * navigator.storage), other contexts (BroadcastChannel, nested workers) and its own postMessage
 * and close. A cell's `import()` is refused by the compiler. This is defence in depth, not a
 * wall: a cell can still build code at run time, and the worker holds nothing secret. The page
 * stops a run that exceeds the time limit by terminating the worker.
 *
 * The cell's code is compiled with the Function constructor. A same-origin worker script takes
 * its Content-Security-Policy from its own response headers, not from the page's meta tag; the
 * site's static hosting sends none, so eval and wasm compilation are allowed here while the
 * page keeps its strict policy (checked in tests/e2e/notebook.test.ts).
 *
 * tfjs runs on the wasm backend (single-threaded SIMD binary, bundled by Vite), or on the cpu
 * backend where WebAssembly is unavailable.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { CHECKS } from './checks';
import { Executor, measureLineOffset, type TfRuntime } from './executor';
import type { FromWorker, ToWorker } from './protocol';
import { tf } from './tf';

const scope = globalThis as unknown as Record<string, unknown>;
const send: (message: FromWorker, transfer?: Transferable[]) => void = (
	globalThis as unknown as { postMessage: (m: unknown, t?: Transferable[]) => void }
).postMessage.bind(globalThis);

const BLOCKED = [
	'fetch',
	'XMLHttpRequest',
	'WebSocket',
	'WebSocketStream',
	'WebTransport',
	'EventSource',
	'importScripts',
	'indexedDB',
	'caches',
	'BroadcastChannel',
	'Worker',
	'SharedWorker',
	'postMessage',
	'close'
];

/** Removes a global from an object and every prototype it inherits it from. */
function remove(owner: object, name: string): void {
	for (let o: object | null = owner; o; o = Object.getPrototypeOf(o)) {
		if (Object.getOwnPropertyDescriptor(o, name)?.configurable) {
			delete (o as Record<string, unknown>)[name];
		}
	}
	Object.defineProperty(owner, name, { value: undefined, writable: false, configurable: false });
}

function lockDown(): void {
	for (const name of BLOCKED) remove(scope, name);
	if (typeof navigator === 'object') remove(navigator, 'storage');
}

async function startBackend(): Promise<void> {
	tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	setWasmPaths({
		'tfjs-backend-wasm.wasm': wasmPlainUrl,
		'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
		'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl
	});
	const wasm = typeof WebAssembly === 'object' && (await tf.setBackend('wasm').catch(() => false));
	if (!wasm) await tf.setBackend('cpu');
	await tf.ready();
}

const executor = (async () => {
	try {
		await startBackend();
		const lineOffset = await measureLineOffset();
		lockDown();
		const ready = new Executor({
			tf: tf as unknown as TfRuntime,
			scope,
			checks: CHECKS,
			lineOffset
		});
		send({ type: 'ready', backend: tf.getBackend() });
		return ready;
	} catch (error) {
		send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
		return null;
	}
})();

let queue: Promise<void> = Promise.resolve();

addEventListener('message', (event: MessageEvent<ToWorker>) => {
	const request = event.data;
	if (request?.type !== 'run') return;
	queue = queue.then(async () => {
		const ready = await executor;
		if (!ready) return;
		const { runId } = request;
		const result = await ready.run(
			request.cellKey,
			request.code,
			runId,
			(item) => {
				const transfer =
					item.kind === 'image'
						? [item.rgba.buffer]
						: item.kind === 'heatmap'
							? item.maps.map((map) => map.buffer)
							: [];
				send({ type: 'output', runId, item }, transfer);
			},
			() => send({ type: 'started', runId })
		);
		send(
			result.type === 'done'
				? {
						type: 'done',
						runId,
						exports: result.exports,
						check: result.check,
						tensors: result.tensors
					}
				: { type: 'error', runId, error: result.error, tensors: result.tensors }
		);
	});
});
