import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { topK } from '../../../src/lib/model/predict';
import {
	inputToPixels,
	networkInputPixels,
	toInputTensor,
	type Pixels
} from '../../../src/lib/model/preprocess';
import { imagenetClasses } from '../../../src/lib/model/classes';
import { useCpu } from './helpers';

function solid(width: number, height: number, rgb: [number, number, number]): Pixels {
	const data = new Uint8ClampedArray(width * height * 4);
	for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
	return { data, width, height };
}

describe('preprocessing', () => {
	beforeAll(useCpu);

	it('maps 0…255 to −1…1 (x/127.5 − 1), drops alpha and resizes the whole image', async () => {
		const input = toInputTensor(solid(30, 20, [0, 255, 51]), 16);
		try {
			expect(input.shape).toEqual([1, 16, 16, 3]);
			const v = await input.data();
			expect(v[0]).toBeCloseTo(-1, 6);
			expect(v[1]).toBeCloseTo(1, 6);
			expect(v[2]).toBeCloseTo(51 / 127.5 - 1, 6);
		} finally {
			input.dispose();
		}
	});

	it('interpolates bilinearly without cropping: a left/right split stays split in the middle', async () => {
		const w = 8;
		const image = solid(w, 4, [0, 0, 0]);
		for (let y = 0; y < 4; y++)
			for (let x = w / 2; x < w; x++) image.data.set([255, 255, 255, 255], (y * w + x) * 4);
		const pixels = await networkInputPixels(image, 4);
		expect(pixels.width).toBe(4);
		// Columns 0–1 sample the black half, 2–3 the white half (classic TF sampling, x·in/out).
		const row = Array.from({ length: 4 }, (_, x) => pixels.data[x * 4]);
		expect(row).toEqual([0, 0, 255, 255]);
		expect(pixels.data[3]).toBe(255);
	});

	it('shows the network input as pixels again', async () => {
		const image = solid(5, 5, [10, 128, 250]);
		const input = toInputTensor(image, 5);
		const pixels = await inputToPixels(input);
		input.dispose();
		expect(Array.from(pixels.data.slice(0, 4))).toEqual([10, 128, 250, 255]);
	});

	it('rejects pixels that do not match their size, with a clear message', () => {
		const before = tf.memory().numTensors;
		expect(() =>
			toInputTensor({ data: new Uint8ClampedArray(10), width: 2, height: 2 }, 8)
		).toThrow(/Expected 2×2 RGBA pixels \(16 bytes\), got 10/);
		expect(() => toInputTensor(solid(2, 2, [0, 0, 0]), 0)).toThrow(/resolution/);
		expect(() => toInputTensor({ data: new Uint8ClampedArray(0), width: 0, height: 0 }, 8)).toThrow(
			/positive size/
		);
		expect(tf.memory().numTensors).toBe(before);
	});
});

describe('top-k', () => {
	it('ranks by probability with ImageNet names', () => {
		const p = new Float32Array(1000);
		p[967] = 0.6;
		p[285] = 0.3;
		p[1] = 0.1;
		const top = topK(p, 3);
		expect(top.map((c) => c.index)).toEqual([967, 285, 1]);
		expect(top[0]).toMatchObject({ name: 'espresso' });
		expect(top[0]!.probability).toBeCloseTo(0.6, 6);
		expect(topK(new Float32Array([0.2, 0.5, 0.3]), 2).map((c) => c.name)).toEqual([
			'class 1',
			'class 2'
		]);
	});

	it('has all 1000 ImageNet classes in output order', () => {
		expect(imagenetClasses).toHaveLength(1000);
		expect(imagenetClasses[0]).toBe('tench, Tinca tinca');
		expect(imagenetClasses[999]).toBe('toilet tissue, toilet paper, bathroom tissue');
	});
});
