import { describe, expect, it } from 'vitest';
import { arithmeticIntensity, mobilenetV1 } from '$lib/architecture';
import { engineNumber, specFor } from '$lib/lessons/numbers';
import {
	RIDGE_STOPS,
	attainable,
	memoryBound,
	nearestStop,
	rooflineChart,
	rooflineLayers
} from '$lib/viz/roofline';

const v1 = rooflineLayers(specFor('v1', 1, 224));
const margins = { top: 10, right: 10, bottom: 30, left: 40 };

describe('rooflineLayers', () => {
	it('places V1 1.0-224\'s weighted layers at the intensity <Num of="intensity"> prints', () => {
		expect(v1).toHaveLength(engineNumber({ net: 'v1', alpha: 1, res: 224, metric: 'layers' }));
		for (const layer of v1) {
			expect(layer.intensity).toBe(
				engineNumber({ net: 'v1', alpha: 1, res: 224, metric: 'intensity', layer: layer.name })
			);
		}
		const kinds = new Set(v1.map((l) => l.kind));
		expect([...kinds].sort()).toEqual(['conv', 'depthwise', 'fc', 'pointwise']);
		expect(v1.reduce((sum, l) => sum + l.macs, 0)).toBe(mobilenetV1().totals.macs);
	});

	it('follows α and the resolution', () => {
		const small = rooflineLayers(specFor('v1', 0.5, 160));
		const layer = mobilenetV1(0.5, 160).layers.find((l) => l.name === 'conv_pw_13');
		expect(small.find((l) => l.name === 'conv_pw_13')?.intensity).toBe(
			layer && arithmeticIntensity(layer)
		);
	});
});

describe('attainable and memoryBound', () => {
	it('is min(1, I / ridge): the slope up to the ridge, the peak after it', () => {
		expect(attainable(2, 10)).toBeCloseTo(0.2, 12);
		expect(attainable(10, 10)).toBe(1);
		expect(attainable(40, 10)).toBe(1);
	});

	it('counts the layers left of the ridge and their share of the mult-adds', () => {
		const ridge = 10;
		const bound = v1.filter((l) => l.intensity < ridge);
		const result = memoryBound(v1, ridge);
		expect(result.layers).toBe(bound.length);
		expect(result.total).toBe(v1.length);
		expect(result.macsShare).toBeCloseTo(
			bound.reduce((s, l) => s + l.macs, 0) / mobilenetV1().totals.macs,
			12
		);
		// Every depthwise layer waits on memory at any ridge a phone has.
		expect(bound.filter((l) => l.kind === 'depthwise')).toHaveLength(
			v1.filter((l) => l.kind === 'depthwise').length
		);
		expect(memoryBound(v1, 1e-6)).toEqual({ layers: 0, total: v1.length, macsShare: 0 });
		expect(memoryBound(v1, 1e6).macsShare).toBeCloseTo(1, 12);
	});

	it('grows as the ridge moves right', () => {
		const shares = RIDGE_STOPS.map((ridge) => memoryBound(v1, ridge).macsShare);
		shares.slice(1).forEach((share, k) => expect(share).toBeGreaterThanOrEqual(shares[k] ?? 0));
	});
});

describe('nearestStop', () => {
	it('snaps a start value to the nearest stop on the log axis', () => {
		expect(RIDGE_STOPS[nearestStop(10)]).toBe(10);
		expect(RIDGE_STOPS[nearestStop(10.5)]).toBe(10);
		expect(RIDGE_STOPS[nearestStop(0.1)]).toBe(1);
		expect(RIDGE_STOPS[nearestStop(1000)]).toBe(100);
	});
});

describe('rooflineChart', () => {
	const chart = rooflineChart(v1, { width: 600, height: 320, margins, ridge: 10 });

	it('puts each layer on the roof at its intensity, inside the plot', () => {
		for (const layer of chart.layers) {
			expect(layer.x).toBeGreaterThanOrEqual(chart.left);
			expect(layer.x).toBeLessThanOrEqual(chart.right);
			expect(layer.y).toBeGreaterThanOrEqual(chart.top - 1e-9);
			expect(layer.y).toBeLessThanOrEqual(chart.bottom);
			expect(layer.rate).toBe(attainable(layer.intensity, 10));
		}
		const flat = chart.layers.filter((l) => !l.memoryBound);
		expect(flat.length).toBeGreaterThan(0);
		for (const layer of flat) expect(layer.y).toBeCloseTo(chart.top, 9);
		// Larger layers, larger dots.
		const dw = chart.layers.find((l) => l.name === 'conv_dw_13');
		const pw = chart.layers.find((l) => l.name === 'conv_pw_13');
		expect(pw?.r).toBeGreaterThan(dw?.r ?? Infinity);
	});

	it('keeps its axes still while the ridge moves', () => {
		for (const ridge of [RIDGE_STOPS[0], RIDGE_STOPS.at(-1) ?? 0]) {
			const other = rooflineChart(v1, { width: 600, height: 320, margins, ridge });
			expect(other.xTicks).toEqual(chart.xTicks);
			expect(other.yTicks).toEqual(chart.yTicks);
			expect(other.ridge.x).toBeGreaterThan(chart.left);
			expect(other.ridge.x).toBeLessThan(chart.right);
			for (const layer of other.layers) expect(layer.y).toBeLessThanOrEqual(other.bottom + 1e-9);
		}
		expect(chart.yTicks.map((t) => t.value)).toContain(1);
	});
});
