import { describe, expect, it, vi } from 'vitest';
import { backendOrder, wasmCompileAllowed, wasmThreads } from '../../../src/lib/model/backend';

describe('backend choice', () => {
	it('prefers wasm with SIMD, WebGL on a real GPU when SIMD is missing, cpu last', () => {
		expect(backendOrder({ wasm: true, wasmSimd: true, hardwareGpu: false })).toEqual([
			'wasm',
			'cpu'
		]);
		expect(backendOrder({ wasm: true, wasmSimd: true, hardwareGpu: true })).toEqual([
			'wasm',
			'webgl',
			'cpu'
		]);
		expect(backendOrder({ wasm: true, wasmSimd: false, hardwareGpu: true })).toEqual([
			'webgl',
			'wasm',
			'cpu'
		]);
		expect(backendOrder({ wasm: false, wasmSimd: false, hardwareGpu: false })).toEqual(['cpu']);
	});

	it('uses wasm threads only when isolated, allowed by the CSP and with cores to spare', () => {
		const page = { isolated: true, cores: 8, blobScriptsAllowed: true };
		expect(wasmThreads(page)).toBe(4);
		expect(wasmThreads({ ...page, cores: 2 })).toBe(1);
		expect(wasmThreads({ ...page, isolated: false })).toBe(1);
		expect(wasmThreads({ ...page, blobScriptsAllowed: false })).toBe(1);
	});
});

describe('wasmCompileAllowed', () => {
	it('is true where WebAssembly compiles, false where the page policy forbids compiling', () => {
		expect(wasmCompileAllowed()).toBe(true);
		const real = globalThis.WebAssembly;
		const refused = {
			...real,
			Module: function () {
				throw new real.CompileError(
					'WebAssembly.Module(): Wasm code generation disallowed by embedder'
				);
			}
		};
		vi.stubGlobal('WebAssembly', refused);
		try {
			expect(wasmCompileAllowed()).toBe(false);
		} finally {
			vi.unstubAllGlobals();
		}
	});
});
