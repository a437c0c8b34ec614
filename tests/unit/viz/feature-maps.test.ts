import { describe, expect, it } from 'vitest';
import {
	channelAt,
	channelRanges,
	colourLut,
	gridLayout,
	legendGradient,
	lutIndex,
	renderChannel,
	renderGrid,
	valueAt
} from '$lib/viz/feature-maps';

// 2×2 map, 3 channels: channel c at (y, x) = c·10 + y·2 + x.
const data = new Float32Array(12);
for (let y = 0; y < 2; y++)
	for (let x = 0; x < 2; x++)
		for (let c = 0; c < 3; c++) data[(y * 2 + x) * 3 + c] = c * 10 + y * 2 + x;
const map = { shape: [2, 2, 3], data };

describe('feature maps', () => {
	it('normalises per channel or per layer', () => {
		expect(channelRanges(map, 'channel')).toEqual([
			{ min: 0, max: 3 },
			{ min: 10, max: 13 },
			{ min: 20, max: 23 }
		]);
		expect(channelRanges(map, 'layer')).toEqual(Array(3).fill({ min: 0, max: 23 }));
		expect(lutIndex(3, { min: 0, max: 3 })).toBe(255);
		expect(lutIndex(0, { min: 0, max: 3 })).toBe(0);
		expect(lutIndex(5, { min: 5, max: 5 })).toBe(0);
		expect(lutIndex(-1, { min: 0, max: 3 })).toBe(0);
	});

	it('builds colour maps low to high', () => {
		const viridis = colourLut('viridis');
		expect([...viridis.subarray(0, 3)]).toEqual([68, 1, 84]);
		expect([...viridis.subarray(255 * 3)]).toEqual([253, 231, 37]);
		expect([...colourLut('gray').subarray(128 * 3, 129 * 3)]).toEqual([128, 128, 128]);
		expect(legendGradient(colourLut('gray'), 2)).toBe(
			'linear-gradient(to right, rgb(0 0 0) 0.0%, rgb(128 128 128) 50.0%, rgb(255 255 255) 100.0%)'
		);
	});

	it('lays out a grid that fits the width, and finds the channel under a point', () => {
		const layout = gridLayout(32, 112, 112, 800);
		expect(layout.cols).toBe(6);
		expect(layout.rows).toBe(6);
		expect(layout.width).toBeLessThanOrEqual(800);
		const many = gridLayout(1024, 1, 1, 400);
		expect(gridLayout(1024, 7, 7, 100).cellWidth).toBe(2); // never below 2 px
		expect(many.cellWidth).toBe(8); // 1×1 maps are not blown up past 8 px
		expect(many.width).toBeLessThanOrEqual(400);
		expect(many.cols * many.rows).toBeGreaterThanOrEqual(1024);
		const small = gridLayout(3, 2, 2, 100, 1);
		expect(channelAt(small, 0, 0)).toBe(0);
		expect(channelAt(small, small.cellWidth + 1, 0)).toBe(1);
		expect(channelAt(small, small.cellWidth, 0)).toBeNull(); // the gap
		expect(channelAt(small, 0, small.cellHeight + 1)).toBe(2);
		expect(channelAt(small, small.cellWidth + 1, small.cellHeight + 1)).toBeNull(); // past the end
	});

	it('renders each channel into its cell with its own range', () => {
		const layout = gridLayout(3, 2, 2, 100, 1, 2);
		expect(layout).toMatchObject({
			cols: 2,
			rows: 2,
			cellWidth: 2,
			cellHeight: 2,
			width: 5,
			height: 5
		});
		const lut = colourLut('gray');
		const rgba = renderGrid(map, layout, channelRanges(map, 'channel'), lut);
		const px = (x: number, y: number) => rgba[(y * layout.width + x) * 4];
		expect(px(0, 0)).toBe(0); // channel 0 min
		expect(px(1, 1)).toBe(255); // channel 0 max
		expect(px(3, 0)).toBe(0); // channel 1 min
		expect(rgba[(0 * layout.width + 2) * 4 + 3]).toBe(0); // gap transparent
		expect(px(1, 4)).toBe(255); // channel 2 max at (1,1) of its cell
		const one = renderChannel(map, 1, { min: 10, max: 13 }, lut);
		expect([one[0], one[4], one[8], one[12]]).toEqual([0, 85, 170, 255]);
		expect(valueAt(map, 2, 1, 0)).toBe(21);
	});
});

describe('feature-map grid rendering', () => {
	/** Pixel by pixel, the plain way: the fast renderer must match it exactly. */
	function reference(
		m: { shape: number[]; data: Float32Array },
		layout: ReturnType<typeof gridLayout>,
		ranges: ReturnType<typeof channelRanges>,
		lut: Uint8ClampedArray
	) {
		const [height, width, channels] = m.shape as [number, number, number];
		const out = new Uint8ClampedArray(layout.width * layout.height * 4);
		for (let c = 0; c < channels; c++) {
			const ox = (c % layout.cols) * (layout.cellWidth + layout.gap);
			const oy = Math.floor(c / layout.cols) * (layout.cellHeight + layout.gap);
			for (let py = 0; py < layout.cellHeight; py++) {
				const y = Math.min(height - 1, Math.floor((py * height) / layout.cellHeight));
				for (let px = 0; px < layout.cellWidth; px++) {
					const x = Math.min(width - 1, Math.floor((px * width) / layout.cellWidth));
					const k = lutIndex(m.data[(y * width + x) * channels + c]!, ranges[c]!) * 3;
					const o = ((oy + py) * layout.width + ox + px) * 4;
					out[o] = lut[k]!;
					out[o + 1] = lut[k + 1]!;
					out[o + 2] = lut[k + 2]!;
					out[o + 3] = 255;
				}
			}
		}
		return out;
	}

	it('matches the pixel-by-pixel rendering, scaled up and down, per channel and per layer', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 8 - 3;
		for (const [h, w, c, maxWidth] of [
			[7, 7, 37, 720],
			[13, 9, 5, 300],
			[112, 112, 4, 150]
		] as const) {
			const m = { shape: [h, w, c], data: Float32Array.from({ length: h * w * c }, random) };
			// One flat channel: its range is empty and it takes the low end of the map.
			for (let p = 0; p < h * w; p++) m.data[p * c + 1] = 0.5;
			const layout = gridLayout(c, w, h, maxWidth);
			for (const mode of ['channel', 'layer'] as const) {
				const ranges = channelRanges(m, mode);
				const lut = colourLut('inferno');
				const fast = renderGrid(m, layout, ranges, lut);
				const plain = reference(m, layout, ranges, lut);
				// The first differing byte, if any (a deep equal of ~10⁵ bytes is slow to report).
				expect(fast.findIndex((v, i) => v !== plain[i])).toBe(-1);
				expect(fast.length).toBe(plain.length);
			}
		}
	});

	it('writes a reused target to the same pixels as a fresh array, gaps cleared', () => {
		const lut = colourLut('viridis');
		const grid = (channels: number, value: (i: number) => number) => {
			const m = {
				shape: [6, 6, channels],
				data: Float32Array.from({ length: 36 * channels }, value)
			};
			const layout = gridLayout(channels, 6, 6, 100);
			return { m, layout, ranges: channelRanges(m, 'channel') };
		};
		// Two layers of the same grid size: the second is drawn into the first's pixels.
		const a = grid(9, (i) => Math.sin(i));
		const target = renderGrid(a.m, a.layout, a.ranges, lut);
		const b = grid(9, (i) => Math.cos(i * 3));
		const reused = renderGrid(b.m, b.layout, b.ranges, lut, target);
		expect(reused).toBe(target);
		const fresh = renderGrid(b.m, b.layout, b.ranges, lut);
		expect(reused.findIndex((v, i) => v !== fresh[i])).toBe(-1);
		// A target of another size is left alone.
		const c = grid(40, (i) => i % 7);
		const other = renderGrid(c.m, c.layout, c.ranges, lut, target);
		expect(other).not.toBe(target);
		expect(other.length).toBe(c.layout.width * c.layout.height * 4);
	});

	it('clears the gaps of a reused target that held another grid of the same size', () => {
		const lut = colourLut('gray');
		const layout = gridLayout(4, 5, 5, 100);
		const bright = { shape: [5, 5, 4], data: Float32Array.from({ length: 100 }, (_, i) => i) };
		const target = new Uint8ClampedArray(layout.width * layout.height * 4).fill(255);
		const out = renderGrid(bright, layout, channelRanges(bright, 'channel'), lut, target);
		expect(out).toBe(target);
		const fresh = renderGrid(bright, layout, channelRanges(bright, 'channel'), lut);
		expect(out.findIndex((v, i) => v !== fresh[i])).toBe(-1);
	});

	it('finds every channel range in one pass', () => {
		const ranges = channelRanges(map, 'channel');
		for (let c = 0; c < 3; c++) {
			const values = [0, 1, 2, 3].map((p) => data[p * 3 + c]!);
			expect(ranges[c]).toEqual({ min: Math.min(...values), max: Math.max(...values) });
		}
	});
});
