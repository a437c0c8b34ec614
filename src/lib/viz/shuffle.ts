/**
 * ShuffleNet's channel shuffle between two grouped 1×1 layers, and who reaches whom through them.
 * Channels are numbered from 0; a layer of `channels` in `groups` groups connects input i to output
 * j exactly when both lie in the same group.
 */

/** A connection from channel `from` of one row to channel `to` of the next. */
export interface Edge {
	from: number;
	to: number;
}

/**
 * Where channel c goes: reshape the channels to (g, channels/g), transpose, flatten (Zhang et al.,
 * ShuffleNet, 2017). Channel j of group i moves to position j·g + i.
 */
export function shuffledPosition(channel: number, channels: number, groups: number): number {
	const perGroup = channels / groups;
	const group = Math.floor(channel / perGroup);
	return (channel % perGroup) * groups + group;
}

/** The edges of a grouped 1×1 layer: every channel to every channel of its own group. */
export function groupedLayerEdges(channels: number, groups: number): Edge[] {
	const perGroup = channels / groups;
	const edges: Edge[] = [];
	for (let from = 0; from < channels; from++) {
		const first = Math.floor(from / perGroup) * perGroup;
		for (let to = first; to < first + perGroup; to++) edges.push({ from, to });
	}
	return edges;
}

/** The edges between the layers: the shuffle's permutation, or each channel straight on. */
export function shuffleEdges(channels: number, groups: number, shuffle: boolean): Edge[] {
	return Array.from({ length: channels }, (_, from) => ({
		from,
		to: shuffle ? shuffledPosition(from, channels, groups) : from
	}));
}

/** The three bands of edges: layer 1, the shuffle (or none), layer 2. */
export function shuffleNetwork(channels: number, groups: number, shuffle: boolean): Edge[][] {
	const layer = groupedLayerEdges(channels, groups);
	return [layer, shuffleEdges(channels, groups, shuffle), layer];
}

/**
 * The channels of the first row that reach `output` in the last row, ascending, and, for each band,
 * the edges on some path between them (to highlight).
 */
export function reach(
	bands: readonly Edge[][],
	channels: number,
	output: number
): { inputs: number[]; paths: Edge[][] } {
	// Walk back from the output: the channels of each row that lead to it.
	let live = new Set([output]);
	const rows: Set<number>[] = [live];
	for (let b = bands.length - 1; b >= 0; b--) {
		const band = bands[b] as Edge[];
		live = new Set(band.filter((e) => live.has(e.to)).map((e) => e.from));
		rows.unshift(live);
	}
	const paths = bands.map((band, b) =>
		band.filter((e) => rows[b]?.has(e.from) && rows[b + 1]?.has(e.to))
	);
	const inputs = [...(rows[0] ?? [])].filter((c) => c < channels).sort((a, b) => a - b);
	return { inputs, paths };
}

/** Consecutive runs of sorted channel numbers, 1-based for display: [0,1,4,5] → "1–2, 5–6". */
export function channelRanges(channels: readonly number[]): string {
	const runs: [number, number][] = [];
	for (const c of channels) {
		const last = runs.at(-1);
		if (last && c === last[1] + 1) last[1] = c;
		else runs.push([c, c]);
	}
	return runs.map(([a, b]) => (a === b ? `${a + 1}` : `${a + 1}–${b + 1}`)).join(', ');
}
