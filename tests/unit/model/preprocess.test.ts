import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { topK } from '../../../src/lib/model/predict';
import {
	networkInputPixels,
	preprocess,
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
		const pixels = networkInputPixels(image, 4);
		expect(pixels.width).toBe(4);
		// Columns 0–1 sample the black half, 2–3 the white half (classic TF sampling, x·in/out).
		const row = Array.from({ length: 4 }, (_, x) => pixels.data[x * 4]);
		expect(row).toEqual([0, 0, 255, 255]);
		expect(pixels.data[3]).toBe(255);
	});

	it('shows the network input as pixels again', () => {
		const { values, pixels } = preprocess(solid(5, 5, [10, 128, 250]), 5);
		expect(Array.from(pixels.data.slice(0, 4))).toEqual([10, 128, 250, 255]);
		expect(values[1]).toBeCloseTo(128 / 127.5 - 1, 6);
	});

	it('resizes exactly as tfjs’s resizeBilinear does (align corners false, no half-pixel centres)', async () => {
		// A photo-like test card, resized down and up, against tfjs on the same floats.
		const width = 37;
		const height = 23;
		const data = new Uint8ClampedArray(width * height * 4);
		for (let i = 0; i < width * height; i++) {
			data.set([(i * 7) % 256, (i * 13) % 256, (i * 29) % 256, 255], i * 4);
		}
		for (const size of [16, 50]) {
			const ours = preprocess({ data, width, height }, size).values;
			const rgb = Float32Array.from({ length: width * height * 3 }, (_, k) => {
				const pixel = Math.floor(k / 3);
				return data[pixel * 4 + (k % 3)]! / 127.5 - 1;
			});
			const theirs = tf.tidy(() =>
				tf.image.resizeBilinear(tf.tensor3d(rgb, [height, width, 3]), [size, size], false)
			);
			const expected = await theirs.data();
			theirs.dispose();
			let worst = 0;
			for (let k = 0; k < ours.length; k++)
				worst = Math.max(worst, Math.abs(ours[k]! - expected[k]!));
			expect(worst).toBeLessThan(1e-5);
		}
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
