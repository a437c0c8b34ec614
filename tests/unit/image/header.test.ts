import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
	MAX_PIXELS,
	checkPixelSize,
	keptSize,
	readImageHeader,
	sniffFormat,
	validateImageBytes
} from '$lib/image';
import { toBmp } from './bmp';

const images = resolve(import.meta.dirname, '../../../../shared/images');
const rocket = new Uint8Array(readFileSync(resolve(images, 'rocket.jpg')));
const coffee = new Uint8Array(readFileSync(resolve(images, 'coffee.png')));

function png(
	width: number,
	height: number,
	options: Partial<{ bitDepth: 8 | 16; colorType: 0 | 2 | 6 }> = {}
) {
	const image = new PNG({ width, height });
	image.data.fill(200);
	return new Uint8Array(
		PNG.sync.write(image, { colorType: options.colorType ?? 6, bitDepth: options.bitDepth ?? 8 })
	);
}

/** A PNG whose IHDR claims width×height, with a tiny IDAT (not decodable, but well-formed chunks). */
function claimedPng(width: number, height: number): Uint8Array {
	const small = png(1, 1);
	const out = small.slice();
	const view = new DataView(out.buffer);
	view.setUint32(16, width);
	view.setUint32(20, height);
	return out;
}

const encode = (s: string) => new TextEncoder().encode(s);

/** GIF89a, 3×2, one frame. */
const gif = new Uint8Array([
	...encode('GIF89a'),
	3,
	0,
	2,
	0,
	0x80,
	0,
	0,
	0,
	0,
	0,
	255,
	255,
	255,
	0x2c,
	0,
	0,
	0,
	0,
	3,
	0,
	2,
	0,
	0,
	2,
	2,
	0x44,
	0x01,
	0,
	0x3b
]);

function webp(chunk: string, body: number[]): Uint8Array {
	const payload = [...encode('WEBP'), ...encode(chunk), body.length, 0, 0, 0, ...body];
	const size = payload.length;
	return new Uint8Array([...encode('RIFF'), size & 255, size >> 8, 0, 0, ...payload]);
}

describe('sniffFormat', () => {
	it('names formats by magic bytes, not by file name', () => {
		expect(sniffFormat(coffee)).toBe('png');
		expect(sniffFormat(rocket)).toBe('jpeg');
		expect(sniffFormat(gif)).toBe('gif');
		expect(sniffFormat(encode('hello, this is text'))).toBeNull();
		expect(
			sniffFormat(
				encode('<?xml version="1.0"?>\n<!-- x --><svg xmlns="http://www.w3.org/2000/svg"/>')
			)
		).toBe('svg');
		expect(sniffFormat(encode('<svg width="10"></svg>'))).toBe('svg');
	});
});

describe('readImageHeader', () => {
	it('reads PNG and JPEG sizes from real files', () => {
		expect(readImageHeader(coffee)).toEqual({ ok: true, format: 'png', width: 600, height: 400 });
		const jpeg = readImageHeader(rocket);
		expect(jpeg).toMatchObject({ ok: true, format: 'jpeg' });
		expect(jpeg.ok && jpeg.width * jpeg.height).toBeGreaterThan(0);
	});

	it('reads 16-bit, grayscale and strip PNGs', () => {
		expect(readImageHeader(png(5, 7, { bitDepth: 16, colorType: 2 }))).toMatchObject({
			width: 5,
			height: 7
		});
		expect(readImageHeader(png(4, 3, { colorType: 0 }))).toMatchObject({ width: 4, height: 3 });
		expect(readImageHeader(png(1, 5000))).toMatchObject({ width: 1, height: 5000 });
	});

	it('reads GIF and WebP (lossy, lossless, extended) sizes', () => {
		expect(readImageHeader(gif)).toEqual({ ok: true, format: 'gif', width: 3, height: 2 });
		// VP8: frame tag (3), start code, 14-bit width and height.
		const lossy = webp('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 100, 0, 50, 0]);
		expect(readImageHeader(lossy)).toEqual({ ok: true, format: 'webp', width: 100, height: 50 });
		// VP8L: signature 0x2f, then (w-1) in 14 bits and (h-1) in the next 14.
		const bits = (64 - 1) | ((32 - 1) << 14);
		const lossless = webp('VP8L', [
			0x2f,
			bits & 255,
			(bits >> 8) & 255,
			(bits >> 16) & 255,
			bits >>> 24,
			0
		]);
		expect(readImageHeader(lossless)).toEqual({ ok: true, format: 'webp', width: 64, height: 32 });
		const extended = webp('VP8X', [0, 0, 0, 0, 199, 0, 0, 99, 0, 0]);
		expect(readImageHeader(extended)).toEqual({
			ok: true,
			format: 'webp',
			width: 200,
			height: 100
		});
	});

	it('finds truncation in JPEG, PNG and GIF', () => {
		expect(readImageHeader(rocket.subarray(0, rocket.length >> 1))).toEqual({
			ok: false,
			problem: 'truncated'
		});
		expect(readImageHeader(coffee.subarray(0, coffee.length - 20))).toEqual({
			ok: false,
			problem: 'truncated'
		});
		expect(readImageHeader(gif.subarray(0, gif.length - 1))).toEqual({
			ok: false,
			problem: 'truncated'
		});
		// Bytes after a JPEG's end (camera trailers) are fine.
		const trailer = new Uint8Array([...rocket, 1, 2, 3, 4]);
		expect(readImageHeader(trailer)).toMatchObject({ ok: true });
	});

	it('reads BMP sizes, bottom-up and top-down, and finds a cut-short BMP', () => {
		const pixels = { data: new Uint8Array(3 * 2 * 4).fill(90), width: 3, height: 2 };
		const bmp = toBmp(pixels);
		expect(bmp.length).toBe(14 + 40 + 2 * 12);
		expect(sniffFormat(bmp)).toBe('bmp');
		expect(readImageHeader(bmp)).toEqual({ ok: true, format: 'bmp', width: 3, height: 2 });
		expect(readImageHeader(toBmp(pixels, { topDown: true }))).toMatchObject({ height: 2 });
		expect(readImageHeader(bmp.subarray(0, bmp.length - 5))).toEqual({
			ok: false,
			problem: 'truncated'
		});
		expect(readImageHeader(bmp.subarray(0, 20))).toEqual({ ok: false, problem: 'bad-header' });
		const huge = bmp.slice();
		new DataView(huge.buffer).setInt32(18, 20000, true);
		new DataView(huge.buffer).setInt32(22, -20000, true);
		expect(validateImageBytes(huge)).toMatchObject({ ok: false, problem: 'too-many-pixels' });
	});

	it('names empty, unknown and cut headers', () => {
		expect(readImageHeader(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
		expect(readImageHeader(encode('not an image at all'))).toEqual({
			ok: false,
			problem: 'unknown-format'
		});
		expect(readImageHeader(coffee.subarray(0, 20))).toEqual({ ok: false, problem: 'bad-header' });
		expect(readImageHeader(rocket.subarray(0, 4))).toEqual({ ok: false, problem: 'bad-header' });
		expect(readImageHeader(encode('<svg/>'))).toEqual({ ok: false, problem: 'svg' });
	});
});

describe('validateImageBytes', () => {
	it('refuses a header that claims more than the pixel limit, before any decoding', () => {
		expect(validateImageBytes(claimedPng(20000, 20000))).toEqual({
			ok: false,
			problem: 'too-many-pixels',
			width: 20000,
			height: 20000
		});
		expect(validateImageBytes(claimedPng(7000, 7000)).ok).toBe(true);
		expect(7000 * 7000).toBeLessThan(MAX_PIXELS);
	});

	it('flags zero sizes and extreme aspect ratios', () => {
		expect(validateImageBytes(claimedPng(0, 10))).toMatchObject({
			ok: false,
			problem: 'zero-size'
		});
		expect(validateImageBytes(png(1, 5000))).toMatchObject({ ok: true, extremeAspect: true });
		expect(validateImageBytes(coffee)).toMatchObject({ ok: true, extremeAspect: false });
	});

	it('checks a decoded size the same way, for formats read by the browser alone', () => {
		expect(checkPixelSize({ format: null, width: 640, height: 480 })).toEqual({
			ok: true,
			format: null,
			width: 640,
			height: 480,
			extremeAspect: false
		});
		expect(checkPixelSize({ format: null, width: 10000, height: 6000 })).toMatchObject({
			ok: false,
			problem: 'too-many-pixels'
		});
		expect(checkPixelSize({ format: null, width: 0, height: 3 })).toMatchObject({
			problem: 'zero-size'
		});
	});

	it('keeps small images as they are and scales large ones to 2048 px', () => {
		expect(keptSize(600, 400)).toEqual({ width: 600, height: 400 });
		expect(keptSize(8000, 4000)).toEqual({ width: 2048, height: 1024 });
		expect(keptSize(1, 5000)).toEqual({ width: 1, height: 2048 });
	});
});
