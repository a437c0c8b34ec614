/**
 * Reading activations back into reused arrays (src/lib/model/readback.ts): the pool hands an
 * array out again only after it is released, never takes in arrays a backend owns, and the wasm
 * path (what the lab runs) gives the same numbers as a plain read, into the same arrays pass
 * after pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { mobilenetV1 } from '../../../src/lib/architecture';
import { buildNetwork, type BuiltNetwork } from '../../../src/lib/model/build';
import { predict } from '../../../src/lib/model/predict';
import { ReadbackPool, readInto } from '../../../src/lib/model/readback';
import { initialWeights } from '../../../src/lib/model/weights';
import { useCpu } from './helpers';

describe('ReadbackPool', () => {
	it('hands out a released array again, of the same length only', () => {
		const pool = new ReadbackPool();
		const a = pool.take(100);
		expect(a).toHaveLength(100);
		expect(pool.take(100)).not.toBe(a);
		pool.give(a);
		expect(pool.free).toBe(1);
		expect(pool.take(50)).not.toBe(a);
		expect(pool.take(100)).toBe(a);
		expect(pool.free).toBe(0);
	});

	it('takes back only arrays it made, and each once', () => {
		const pool = new ReadbackPool();
		pool.give(new Float32Array(10));
		expect(pool.free).toBe(0);
		const a = pool.take(10);
		pool.give(a, a);
		expect(pool.free).toBe(1);
	});

	it('keeps at most 64 MiB of free arrays, dropping the oldest', () => {
		const pool = new ReadbackPool();
		const eightMiB = 2 * 2 ** 20;
		const arrays = Array.from({ length: 10 }, () => pool.take(eightMiB));
		pool.give(...arrays);
		expect(pool.free).toBe(8);
		expect(pool.take(eightMiB)).toBe(arrays[2]);
		pool.clear();
		expect(pool.free).toBe(0);
	});
});

describe('reading back on wasm', () => {
	let net: BuiltNetwork;
	let input: tf.Tensor4D;
	const spec = mobilenetV1(0.25, 64);

	beforeAll(async () => {
		await tf.setBackend('wasm');
		await tf.ready();
		net = buildNetwork(spec, initialWeights(spec, 1), { foldBatchNorm: true });
		input = tf.randomUniform([1, 64, 64, 3], -1, 1, 'float32', 7) as tf.Tensor4D;
	});
	afterAll(async () => {
		net.dispose();
		input.dispose();
		await useCpu();
	});

	it('copies a tensor from the heap into a pooled array, values as data() reads them', async () => {
		const pool = new ReadbackPool();
		const tensor = tf.linspace(-3, 3, 1000);
		const first = await readInto(tensor, pool);
		expect(Array.from(first)).toEqual(Array.from(await tensor.data()));
		pool.give(first);
		const other = tf.mul(tensor, 2);
		const second = await readInto(other, pool);
		expect(second).toBe(first);
		expect(Array.from(second)).toEqual(Array.from(await other.data()));
		tf.dispose([tensor, other]);
	});

	it('gives the same activations as fresh arrays, reusing them once released', async () => {
		const pool = new ReadbackPool();
		const layers = ['conv_pw_1', 'conv_pw_13'];
		const before = tf.memory().numTensors;
		const fresh = await predict(net, input, { activations: layers });
		const pooled = await predict(net, input, { activations: layers, pool });
		expect(pooled.activations!.map((a) => a.name)).toEqual(layers);
		for (const [i, activation] of pooled.activations!.entries()) {
			expect(activation.data).toEqual(fresh.activations![i]!.data);
		}
		expect(Array.from(pooled.probabilities)).toEqual(Array.from(fresh.probabilities));

		// While the first result is held, a second pass must not write into its arrays.
		const held = pooled.activations!.map((a) => a.data);
		const next = await predict(net, input, { activations: layers, pool });
		for (const [i, activation] of next.activations!.entries()) {
			expect(activation.data).not.toBe(held[i]);
		}
		pooled.release();
		pooled.release();
		expect(pool.free).toBe(2);
		const third = await predict(net, input, { activations: layers, pool });
		expect(third.activations!.map((a) => a.data)).toEqual(held);
		expect(third.activations![0]!.data).toBe(held[0]);
		fresh.release();
		expect(tf.memory().numTensors).toBe(before);
	});
});

describe('reading back on cpu', () => {
	beforeAll(useCpu);

	it("reads through data() and never pools the backend's array", async () => {
		const pool = new ReadbackPool();
		const tensor = tf.tensor1d([1, 2, 3]);
		const values = await readInto(tensor, pool);
		expect(Array.from(values)).toEqual([1, 2, 3]);
		pool.give(values);
		expect(pool.free).toBe(0);
		tensor.dispose();
	});
});
