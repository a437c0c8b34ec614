import { describe, expect, it } from 'vitest';
import { LAYER_KINDS, buildSpec } from '$lib/architecture';
import { kindColour, kindSlices, kindsPresent, layerBars, layerChart } from '$lib/lab/chart';

const margins = { top: 10, right: 5, bottom: 20, left: 50 };
const v1 = buildSpec({ version: 'v1', alpha: 1, resolution: 224 });
const v3 = buildSpec({ version: 'v3-large', alpha: 1, resolution: 224 });

describe('layerBars', () => {
	it('has one bar per layer, in network order, with shares summing to 1', () => {
		const bars = layerBars(v1.layers);
		expect(bars.map((b) => b.name)).toEqual(v1.layers.map((l) => l.name));
		expect(bars.map((b) => b.index)).toEqual(v1.layers.map((_, i) => i + 1));
		expect(bars.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12);
		const biggest = v1.layers.reduce((a, b) => (b.macs > a.macs ? b : a));
		expect(bars.find((b) => b.name === biggest.name)?.share).toBeCloseTo(
			biggest.macs / v1.totals.macs,
			12
		);
	});
});

describe('layerChart', () => {
	const size = { width: 600, height: 300 };

	it('places bars left to right inside the plot, the tallest reaching near the top', () => {
		const chart = layerChart(layerBars(v1.layers), size, 'linear', margins);
		const xs = chart.bars.map((b) => b.x);
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
		expect(xs[0]).toBeGreaterThanOrEqual(margins.left);
		const last = chart.bars.at(-1)!;
		expect(last.x + last.barWidth).toBeLessThanOrEqual(size.width - margins.right + 1e-9);
		expect(chart.baseline).toBe(size.height - margins.bottom);
		for (const bar of chart.bars) {
			expect(bar.height).toBeGreaterThanOrEqual(0);
			expect(bar.y + bar.height).toBeCloseTo(chart.baseline, 9);
			expect(bar.y).toBeGreaterThanOrEqual(margins.top - 1e-9);
		}
		// Linear heights are proportional to mult-adds.
		const [a, b] = chart.bars.filter((bar) => bar.macs > 0);
		expect(a!.height / b!.height).toBeCloseTo(a!.macs / b!.macs, 9);
	});

	it('gives linear ticks from zero, evenly spaced, within the plot', () => {
		const chart = layerChart(layerBars(v1.layers), size, 'linear', margins);
		expect(chart.ticks[0]).toEqual({ value: 0, y: chart.baseline });
		const values = chart.ticks.map((t) => t.value);
		const step = values[1]! - values[0]!;
		values.forEach((v, i) => expect(v).toBeCloseTo(i * step, 6));
		expect(Math.max(...values)).toBeGreaterThanOrEqual(Math.max(...v1.layers.map((l) => l.macs)));
	});

	it('on the log scale: powers of ten as ticks, zero-cost layers flat, order kept', () => {
		const chart = layerChart(layerBars(v3.layers), size, 'log', margins);
		for (const tick of chart.ticks) expect(Number.isInteger(Math.log10(tick.value))).toBe(true);
		for (const bar of chart.bars) {
			if (bar.macs === 0) expect(bar.height).toBe(0);
			else expect(bar.height).toBeGreaterThan(0);
		}
		const positive = chart.bars.filter((b) => b.macs > 0).sort((a, b) => a.macs - b.macs);
		for (let i = 1; i < positive.length; i++) {
			expect(positive[i]!.height).toBeGreaterThanOrEqual(positive[i - 1]!.height);
		}
	});
});

describe('kind breakdown', () => {
	it('stacks the kinds that carry the metric to 100%, matching the engine', () => {
		for (const metric of ['macs', 'params'] as const) {
			const slices = kindSlices(v3.byKind, metric);
			expect(slices.reduce((s, k) => s + k.share, 0)).toBeCloseTo(1, 12);
			expect(slices[0]!.start).toBe(0);
			for (let i = 1; i < slices.length; i++) {
				expect(slices[i]!.start).toBeCloseTo(slices[i - 1]!.start + slices[i - 1]!.share, 12);
			}
			for (const slice of slices) {
				expect(slice.value).toBe(v3.byKind[slice.kind][metric]);
				expect(slice.value).toBeGreaterThan(0);
			}
		}
		expect(kindSlices(v3.byKind, 'macs').map((s) => s.kind)).toContain('se');
		expect(kindSlices(v1.byKind, 'macs').map((s) => s.kind)).not.toContain('se');
	});

	it('lists only kinds with a cost and colours every kind', () => {
		expect(kindsPresent(v1.byKind)).toEqual(['conv', 'depthwise', 'pointwise', 'fc']);
		for (const kind of LAYER_KINDS) expect(kindColour(kind)).toMatch(/^var\(--c-[a-z]+\)$/);
	});
});
