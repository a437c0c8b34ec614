import { describe, expect, it } from 'vitest';
import { groupCounts, groupedConvCost, groupedConvParams, outputSize } from '$lib/architecture';
import {
	atomAt,
	clampSize,
	formulaMacs,
	groupChannels,
	macsAfter,
	makeTrack,
	nearestGroupCount,
	nextBoundary,
	stepMacs,
	type ConvSize
} from '$lib/viz/conv-steps';
import { atomArithmetic, convolve, trackValues } from '$lib/viz/conv-values';
import { groupChart } from '$lib/viz/group-chart';

const layers: Omit<ConvSize, 'groups'>[] = [
	{ dk: 3, m: 8, n: 8, df: 6, stride: 1 },
	{ dk: 3, m: 12, n: 12, df: 5, stride: 2 },
	{ dk: 5, m: 16, n: 16, df: 10, stride: 1 },
	{ dk: 1, m: 6, n: 12, df: 4, stride: 1 },
	{ dk: 2, m: 4, n: 6, df: 3, stride: 1 }
];

/** Every layer with every group count it allows. */
const cases = layers.flatMap((layer) =>
	groupCounts(layer.m, layer.n).map((groups) => ({ ...layer, groups }))
);

/** The atoms of a track, without the fields that name the mode. */
function atoms(size: ConvSize, kind: 'grouped' | 'standard' | 'depthwise') {
	const track = makeTrack(kind, size);
	return Array.from({ length: track.totalAtoms }, (_, i) => {
		const { filter, channel, row, col, macs } = atomAt(track, i);
		return { filter, channel, row, col, macs };
	});
}

describe('grouped convolution steps', () => {
	it.each(cases)('ends at D_K²·(M/g)·N·D_F² (%o)', (size) => {
		const track = makeTrack('grouped', size);
		const expected = groupedConvCost(
			size.dk,
			size.m,
			size.n,
			outputSize(size.df, size.stride),
			size.groups
		);
		expect(track.totalMacs).toBe(expected);
		expect(formulaMacs('grouped', size)).toBe(expected);
		expect(macsAfter(track, track.totalAtoms)).toBe(expected);
		// One output cell is one filter over the M/g channels of its group.
		expect(stepMacs(track, 0, 'cell')).toBe(size.dk * size.dk * (size.m / size.groups));
		expect(nextBoundary(track, 0, 'cell')).toBe(size.dk * size.dk * (size.m / size.groups));
	});

	it.each(cases)('each filter reads exactly the channels of its group (%o)', (size) => {
		const track = makeTrack('grouped', size);
		const p = track.phases[0]!;
		const perGroup = size.n / size.groups;
		const seen = new Map<string, number[]>();
		for (let i = 0; i < track.totalAtoms; i++) {
			const atom = atomAt(track, i);
			expect(atom.group).toBe(Math.floor(atom.filter / perGroup));
			const key = `${atom.filter} ${atom.row} ${atom.col}`;
			seen.set(key, [...(seen.get(key) ?? []), atom.channel]);
		}
		for (const [key, channels] of seen) {
			const group = Math.floor(Number(key.split(' ')[0]) / perGroup);
			const { first, end } = groupChannels(p, group);
			expect(channels).toEqual(Array.from({ length: end - first }, (_, k) => first + k));
		}
	});

	it('g = 1 steps exactly as the standard convolution, g = M as the depthwise one', () => {
		for (const layer of layers) {
			expect(atoms({ ...layer, groups: 1 }, 'grouped')).toEqual(atoms(layer, 'standard'));
			const square = { ...layer, n: layer.m };
			expect(atoms({ ...square, groups: layer.m }, 'grouped')).toEqual(atoms(square, 'depthwise'));
		}
	});

	it('clamps a group count to the nearest that divides M and N', () => {
		expect(clampSize({ dk: 3, m: 8, n: 8, df: 6, stride: 1, groups: 4 }).groups).toBe(4);
		expect(clampSize({ dk: 3, m: 8, n: 8, df: 6, stride: 1, groups: 3 }).groups).toBe(2);
		expect(clampSize({ dk: 3, m: 8, n: 8, df: 6, stride: 1, groups: 7 }).groups).toBe(8);
		expect(clampSize({ dk: 3, m: 8, n: 6, df: 6, stride: 1, groups: 8 }).groups).toBe(2);
		expect(clampSize({ dk: 3, m: 8, n: 8, df: 6, stride: 1, groups: Number.NaN }).groups).toBe(1);
		expect(clampSize({ dk: 3, m: 8, n: 8, df: 6, stride: 1 }).groups).toBeUndefined();
		expect(nearestGroupCount([1, 2, 4, 8], 6)).toBe(4);
	});
});

describe('grouped convolution values', () => {
	it.each(cases)('each group is a standard convolution of its own channels (%o)', (size) => {
		const track = makeTrack('grouped', size);
		const p = track.phases[0]!;
		const values = trackValues(track, 7);
		const perGroup = size.n / size.groups;
		for (let group = 0; group < size.groups; group++) {
			const { first, end } = groupChannels(p, group);
			const filters = Array.from({ length: perGroup }, (_, k) => group * perGroup + k);
			const alone = convolve(
				{
					...p,
					kind: 'standard',
					m: end - first,
					n: perGroup,
					groups: 1,
					atomsPerCell: end - first
				},
				values.input.slice(first, end),
				filters.map((f) => values.weights[0]![f]!)
			);
			expect(filters.map((f) => values.outputs[0]![f])).toEqual(alone);
		}
	});

	it('g = 1 and g = M compute what the standard and depthwise modes compute', () => {
		for (const layer of layers) {
			const standard = trackValues(makeTrack('standard', layer), 3);
			expect(trackValues(makeTrack('grouped', { ...layer, groups: 1 }), 3)).toEqual(standard);
			const square = { ...layer, n: layer.m };
			const depthwise = trackValues(makeTrack('depthwise', square), 3);
			expect(trackValues(makeTrack('grouped', { ...square, groups: layer.m }), 3)).toEqual(
				depthwise
			);
		}
	});

	it.each(cases.filter((c) => c.df <= 6))('the running sums end at each cell (%o)', (size) => {
		const track = makeTrack('grouped', size);
		const values = trackValues(track, 11);
		let completed = 0;
		for (let i = 0; i < track.totalAtoms; i++) {
			const a = atomArithmetic(track, values, atomAt(track, i));
			if (a.completesCell) {
				expect(a.running).toBe(a.result);
				completed++;
			}
		}
		expect(completed).toBe(size.n * track.outSize * track.outSize);
	});
});

describe('the chart of cost against g', () => {
	const box = { width: 400, height: 160, margins: { top: 10, right: 90, bottom: 30, left: 50 } };

	it('plots the engine’s costs for every group count, falling as 1/g', () => {
		const chart = groupChart({ dk: 3, m: 16, n: 16, df: 8 }, [1, 2, 4, 8, 16], box);
		expect(chart.points.map((p) => p.macs)).toEqual(
			[1, 2, 4, 8, 16].map((g) => groupedConvCost(3, 16, 16, 8, g))
		);
		expect(chart.points.map((p) => p.params)).toEqual(
			[1, 2, 4, 8, 16].map((g) => groupedConvParams(3, 16, 16, g))
		);
		// Log–log: equal steps down for each doubling of g, and the two lines parallel.
		const drops = chart.points.slice(1).map((p, k) => p.yMacs - chart.points[k]!.yMacs);
		for (const d of drops) expect(d).toBeCloseTo(drops[0]!, 6);
		for (const p of chart.points)
			expect(p.yParams - p.yMacs).toBeCloseTo(chart.points[0]!.yParams - chart.points[0]!.yMacs, 6);
		expect(chart.points[0]!.x).toBe(box.margins.left);
		expect(chart.points.at(-1)!.x).toBe(box.width - box.margins.right);
		expect(chart.macsPath.startsWith('M')).toBe(true);
	});

	it('ticks every group count and the powers of ten, inside the plot', () => {
		const chart = groupChart({ dk: 3, m: 12, n: 12, df: 6 }, [1, 2, 3, 4, 6, 12], box);
		expect(chart.xTicks.map((t) => t.value)).toEqual([1, 2, 3, 4, 6, 12]);
		expect(chart.yTicks.length).toBeGreaterThanOrEqual(2);
		for (const t of chart.yTicks) {
			expect(t.y).toBeGreaterThanOrEqual(chart.top - 1e-9);
			expect(t.y).toBeLessThanOrEqual(chart.bottom + 1e-9);
		}
		const single = groupChart({ dk: 3, m: 7, n: 5, df: 6 }, [1], box);
		expect(single.points[0]!.x).toBeGreaterThan(box.margins.left);
	});
});
