import { describe, expect, it } from 'vitest';
import {
	ERROR_FLOOR,
	errorChart,
	histogramChart,
	kindErrors,
	rateChart
} from '$lib/lab/live-charts';
import { weightHistogram } from '$lib/model/histogram';
import type { LayerQuantError } from '$lib/model/quantize';

const margins = { top: 10, right: 10, bottom: 20, left: 40 };

/** 8-bit weights: level q stands for scale × (q − zero point). */
function eightBit(levels: number[], scale = 0.01, zeroPoint = 128) {
	return {
		shape: [levels.length],
		data: Float32Array.from(levels, (q) => scale * (q - zeroPoint)),
		quantization: { dtype: 'uint8' as const, scale, zeroPoint }
	};
}

describe('the weight histogram', () => {
	it('draws an 8-bit layer’s levels as separate bars, one per level it uses', () => {
		const levels = [0, 3, 3, 3, 100, 128, 128, 200, 255, 255];
		const histogram = weightHistogram(eightBit(levels));
		const chart = histogramChart(histogram, { width: 600, height: 140 }, margins);
		expect(chart.bars).toHaveLength(new Set(levels).size);
		expect(chart.bars.map((b) => b.count)).toEqual([1, 3, 1, 2, 1, 2]);
		// Each bar is centred on its level's value, and narrower than the step between levels.
		expect(chart.bars.map((b) => b.value)).toEqual(
			[0, 3, 100, 128, 200, 255].map((q) => expect.closeTo(0.01 * (q - 128), 9))
		);
		const step = chart.bars[1]!.x - chart.bars[0]!.x;
		expect(step / 3).toBeGreaterThanOrEqual(2);
		for (const bar of chart.bars) expect(bar.width).toBeCloseTo(step / 3 - 1, 6);
		// Level 128 is 0: the zero line runs through its bar.
		const zeroBar = chart.bars.find((b) => Math.abs(b.value) < 1e-9)!;
		expect(chart.zeroX).toBeCloseTo(zeroBar.x + (zeroBar.width + 1) / 2, 6);
		// The tallest bar reaches the top tick or below it; bars stand on the baseline.
		for (const bar of chart.bars) expect(bar.y + bar.height).toBeCloseTo(chart.baseline, 9);
		expect(Math.min(...chart.bars.map((b) => b.y))).toBeGreaterThanOrEqual(margins.top);
	});

	it('draws a float layer as a continuum of touching bins inside the plot', () => {
		const data = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 0.5 - 0.1);
		const histogram = weightHistogram({ shape: [1000], data });
		const chart = histogramChart(histogram, { width: 500, height: 140 }, margins);
		expect(histogram.levels).toBeNull();
		expect(chart.bars.reduce((sum, b) => sum + b.count, 0)).toBe(1000);
		for (let i = 1; i < chart.bars.length; i++) {
			const [a, b] = [chart.bars[i - 1]!, chart.bars[i]!];
			if (Math.abs(b.value - a.value - histogram.binWidth) < 1e-9)
				expect(b.x).toBeCloseTo(a.x + a.width, 6);
		}
		expect(chart.bars[0]!.x).toBeCloseTo(margins.left, 6);
		const last = chart.bars.at(-1)!;
		expect(last.x + last.width).toBeCloseTo(500 - margins.right, 6);
		expect(chart.xTicks.length).toBeGreaterThan(1);
	});
});

function layerError(name: string, kind: LayerQuantError['kind'], error: number): LayerQuantError {
	return {
		name,
		kind,
		rmse: error,
		relative: error,
		channelRelative: error,
		worstChannel: error,
		sqnrDb: -20 * Math.log10(error),
		levels: 256
	};
}

describe('the 8-bit error chart', () => {
	const layers = [
		layerError('conv1', 'conv', 0.004),
		layerError('conv_dw_1', 'depthwise', 0.2),
		layerError('conv_pw_1', 'pointwise', 0.01),
		layerError('conv_dw_2', 'depthwise', 0.1),
		layerError('conv_preds', 'fc', 1e-6)
	];

	it('keeps one log scale from 0.01% to 100%, whatever the mode', () => {
		const chart = errorChart(layers, { width: 400, height: 170 }, margins);
		expect(chart.yTicks.map((t) => t.value)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
		expect(chart.yTicks[0]!.at).toBe(chart.baseline);
		expect(chart.yTicks.at(-1)!.at).toBe(margins.top);
		// A decade is the same height everywhere.
		const decade = chart.yTicks[0]!.at - chart.yTicks[1]!.at;
		expect(chart.yTicks[3]!.at - chart.yTicks[4]!.at).toBeCloseTo(decade, 9);
		expect(chart.bars.map((b) => b.name)).toEqual(layers.map((l) => l.name));
		const height = (name: string) => chart.bars.find((b) => b.name === name)!.height;
		expect(height('conv_dw_1')).toBeGreaterThan(height('conv_dw_2'));
		expect(height('conv_dw_2')).toBeGreaterThan(height('conv_pw_1'));
		expect(height('conv_dw_1') - height('conv_dw_2')).toBeCloseTo(decade * Math.log10(2), 9);
		// Below the floor: no bar to see.
		expect(height('conv_preds')).toBe(0);
		expect(ERROR_FLOOR).toBe(1e-4);
	});

	it('averages each kind’s layers', () => {
		expect(kindErrors(layers)).toEqual([
			{ kind: 'conv', mean: 0.004, layers: 1 },
			{ kind: 'depthwise', mean: expect.closeTo(0.15, 12), layers: 2 },
			{ kind: 'pointwise', mean: 0.01, layers: 1 },
			{ kind: 'fc', mean: 1e-6, layers: 1 }
		]);
	});
});

describe('the rate chart', () => {
	it('gives a bar to every layer with a rate, on a scale from 0 that holds the fastest', () => {
		const chart = rateChart(
			[
				{ name: 'conv1', kind: 'conv', ms: 1, macs: 2e6, gmacPerSecond: 2 },
				{ name: 'conv_dw_1', kind: 'depthwise', ms: 1, macs: 5e5, gmacPerSecond: 0.5 },
				{ name: 'pool', kind: 'pool', ms: 0.1, macs: 0, gmacPerSecond: null },
				{ name: 'conv_pw_1', kind: 'pointwise', ms: 1, macs: 7e6, gmacPerSecond: 7 }
			],
			{ width: 400, height: 170 },
			margins
		);
		expect(chart.bars.map((b) => b.name)).toEqual(['conv1', 'conv_dw_1', 'conv_pw_1']);
		expect(chart.yTicks[0]).toEqual({ value: 0, at: chart.baseline });
		expect(chart.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(7);
		const [conv, dw, pw] = chart.bars;
		expect(pw!.height / dw!.height).toBeCloseTo(14, 9);
		expect(conv!.height / dw!.height).toBeCloseTo(4, 9);
		// The pooling layer keeps its place: the bars after it sit two steps on.
		expect(pw!.x - dw!.x).toBeCloseTo(2 * (dw!.x - conv!.x), 9);
	});
});
