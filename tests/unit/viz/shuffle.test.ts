import { describe, expect, it } from 'vitest';
import {
	channelRanges,
	groupedLayerEdges,
	reach,
	shuffleEdges,
	shuffledPosition,
	shuffleNetwork
} from '$lib/viz/shuffle';

/** The shuffle as ShuffleNet writes it: reshape to (g, n), transpose to (n, g), flatten. */
function reshapeTranspose(channels: number, groups: number): number[] {
	const n = channels / groups;
	const grid = Array.from({ length: groups }, (_, i) =>
		Array.from({ length: n }, (_, j) => i * n + j)
	);
	const order = Array.from({ length: n }, (_, j) => grid.map((row) => row[j]!)).flat();
	// order[k] is the channel that lands at position k; invert to "where does c go".
	const where: number[] = [];
	order.forEach((channel, position) => (where[channel] = position));
	return where;
}

const layouts = [
	[8, 2],
	[8, 4],
	[12, 3],
	[12, 4],
	[16, 4],
	[16, 2],
	[6, 6],
	[6, 1]
] as const;

describe('channel shuffle', () => {
	it.each(layouts)('is reshape, transpose, flatten (%i channels, %i groups)', (c, g) => {
		const where = Array.from({ length: c }, (_, k) => shuffledPosition(k, c, g));
		expect(where).toEqual(reshapeTranspose(c, g));
		expect([...where].sort((a, b) => a - b)).toEqual(Array.from({ length: c }, (_, k) => k));
	});

	it('connects a grouped 1×1 layer within groups only', () => {
		const edges = groupedLayerEdges(8, 4);
		expect(edges).toHaveLength(8 * 2);
		for (const { from, to } of edges) expect(Math.floor(from / 2)).toBe(Math.floor(to / 2));
		expect(groupedLayerEdges(4, 1)).toHaveLength(16);
	});

	it('changes nothing for one group, or for one channel per group', () => {
		for (const [c, g] of [
			[8, 1],
			[8, 8]
		]) {
			expect(shuffleEdges(c!, g!, true)).toEqual(shuffleEdges(c!, g!, false));
		}
		expect(shuffleEdges(8, 2, true)).not.toEqual(shuffleEdges(8, 2, false));
	});

	it('without it, an output hears only from its own group', () => {
		for (const [c, g] of layouts) {
			const bands = shuffleNetwork(c, g, false);
			for (let out = 0; out < c; out++) {
				const per = c / g;
				const first = Math.floor(out / per) * per;
				expect(reach(bands, c, out).inputs).toEqual(
					Array.from({ length: per }, (_, k) => first + k)
				);
			}
		}
	});

	it('with it, an output hears from every group when groups ≤ channels per group', () => {
		for (const [c, g] of layouts) {
			const bands = shuffleNetwork(c, g, true);
			const per = c / g;
			for (let out = 0; out < c; out++) {
				const { inputs } = reach(bands, c, out);
				const groupsReached = new Set(inputs.map((i) => Math.floor(i / per))).size;
				// Each layer-2 group holds one channel from each of min(g, per) layer-1 groups.
				expect(groupsReached).toBe(Math.min(g, per));
				expect(inputs).toHaveLength(Math.min(g, per) * per);
			}
		}
	});

	it('marks the edges on the paths to the output', () => {
		const bands = shuffleNetwork(8, 2, true);
		const { inputs, paths } = reach(bands, 8, 0);
		expect(inputs).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		// Layer 2: the 4 channels of output 0's group feed it; the shuffle brought 2 from each group.
		expect(paths[2]).toEqual([0, 1, 2, 3].map((from) => ({ from, to: 0 })));
		expect(paths[1]!.map((e) => e.from).sort((a, b) => a - b)).toEqual([0, 1, 4, 5]);
		expect(paths[0]).toHaveLength(16);
	});

	it('writes channel runs 1-based', () => {
		expect(channelRanges([0, 1, 4, 5])).toBe('1–2, 5–6');
		expect(channelRanges([3])).toBe('4');
		expect(channelRanges([0, 2, 3, 4])).toBe('1, 3–5');
	});
});
