/**
 * The step sequence of the convolution animation, computed lazily by index arithmetic.
 *
 * The atom of every mode is "one input channel's contribution to one output cell":
 * D_K·D_K mult-adds for a standard, grouped or depthwise filter, 1 for a pointwise one. Every mode
 * is a grouped convolution: the M input channels split into g groups and each filter reads the M/g
 * channels of its own group, so an output cell is M/g atoms. Standard and pointwise layers have
 * g = 1 (a cell is M atoms), a depthwise layer g = M (one atom).
 *
 * Sizes: `df` is the side of the input feature map. With stride s and SAME padding the output
 * side is ⌈df/s⌉, and that output side is the D_F of the cost formulas — as in the engine, and as
 * in the paper, which assumes stride 1 so that input and output sides agree. Padded positions are
 * multiplied by zero and counted, as the formulas count D_K·D_K products for every output cell.
 */
import {
	depthwiseConvCost,
	groupCounts,
	groupedConvCost,
	isGroupCount,
	outputSize,
	pointwiseConvCost,
	separableConvCost,
	standardConvCost
} from '$lib/architecture';

export type ConvMode = 'standard' | 'depthwise' | 'pointwise' | 'grouped';
export type TrackKind = ConvMode | 'separable';
export type Granularity = 'channel' | 'cell' | 'filter';

export interface ConvSize {
	/** Kernel side D_K. */
	dk: number;
	/** Input channels M. */
	m: number;
	/** Output channels N. */
	n: number;
	/** Input side; the output side (the formulas' D_F) is ⌈df/stride⌉. */
	df: number;
	stride: number;
	/** Groups g of the grouped convolution (1 where absent); divides both M and N. */
	groups?: number;
}

export type SizeField = 'dk' | 'm' | 'n' | 'df' | 'stride';

/** Sizes that stay legible in the animation (and keep the benchmark's largest case bounded). */
export const SIZE_LIMITS: Readonly<Record<SizeField, { min: number; max: number }>> = {
	dk: { min: 1, max: 5 },
	m: { min: 1, max: 16 },
	n: { min: 1, max: 16 },
	df: { min: 1, max: 10 },
	stride: { min: 1, max: 2 }
};

export const SIZE_FIELDS: readonly SizeField[] = ['dk', 'm', 'n', 'df', 'stride'];

/** Whether a value is usable for a field: a whole number within its limits. */
export function isValidSize(field: SizeField, value: number): boolean {
	const { min, max } = SIZE_LIMITS[field];
	return Number.isInteger(value) && value >= min && value <= max;
}

/** The group count of `counts` nearest to `groups` (the smaller on a tie; the first if not a number). */
export function nearestGroupCount(counts: readonly number[], groups: number): number {
	if (!Number.isFinite(groups)) return counts[0] ?? 1;
	return counts.reduce((best, g) => (Math.abs(g - groups) < Math.abs(best - groups) ? g : best));
}

/**
 * The nearest legible sizes: rounds and clamps every field (for props passed by lessons); a group
 * count that does not divide M and N becomes the nearest one that does.
 */
export function clampSize(size: ConvSize): ConvSize {
	const clamp = (field: SizeField) => {
		const { min, max } = SIZE_LIMITS[field];
		const value = Number.isFinite(size[field]) ? Math.round(size[field]) : min;
		return Math.min(max, Math.max(min, value));
	};
	const clamped: ConvSize = {
		dk: clamp('dk'),
		m: clamp('m'),
		n: clamp('n'),
		df: clamp('df'),
		stride: clamp('stride')
	};
	if (size.groups === undefined) return clamped;
	const groups = isGroupCount(clamped.m, clamped.n, size.groups)
		? size.groups
		: nearestGroupCount(groupCounts(clamped.m, clamped.n), size.groups);
	return { ...clamped, groups };
}

/** One convolution layer of a track. */
export interface Phase {
	kind: ConvMode;
	/** Kernel side (1 for pointwise). */
	dk: number;
	/** Channels read. */
	m: number;
	/** Channels written (= m for depthwise). */
	n: number;
	/** Groups: 1 for standard and pointwise, m for depthwise. */
	groups: number;
	inSize: number;
	outSize: number;
	stride: number;
	/** SAME padding before the first row/column (TensorFlow puts the odd one after). */
	pad: number;
	/** Atoms that make one output cell: the channels of a group, m/groups. */
	atomsPerCell: number;
	atoms: number;
	macsPerAtom: number;
	/** Index of this phase's first atom in the track. */
	startAtom: number;
	/** Mult-adds done before this phase starts. */
	startMacs: number;
	/** The engine's cost of this layer. */
	macs: number;
}

export interface Track {
	kind: TrackKind;
	size: ConvSize;
	/** Output side: the formulas' D_F. */
	outSize: number;
	phases: Phase[];
	totalAtoms: number;
	totalMacs: number;
}

/** One input channel's contribution to one output cell. */
export interface Atom {
	index: number;
	phase: number;
	kind: ConvMode;
	/** Output channel written. */
	filter: number;
	/** The filter's group: it reads only this group's input channels. */
	group: number;
	/** Input channel read. */
	channel: number;
	row: number;
	col: number;
	macs: number;
}

export interface InputCell {
	row: number;
	col: number;
	/** False where the window reads SAME padding (a zero). */
	inside: boolean;
}

/** SAME padding placed before the first row: ⌊total/2⌋ as TensorFlow does. */
export function samePadding(inSize: number, dk: number, stride: number): number {
	const out = outputSize(inSize, stride);
	return Math.floor(Math.max((out - 1) * stride + dk - inSize, 0) / 2);
}

interface PhaseSpec {
	kind: ConvMode;
	dk: number;
	m: number;
	n: number;
	groups: number;
	inSize: number;
	stride: number;
}

/** The engine's cost of a layer, by the formula of its kind. */
function engineMacs({ kind, dk, m, n, groups }: PhaseSpec, outSize: number): number {
	switch (kind) {
		case 'standard':
			return standardConvCost(dk, m, n, outSize);
		case 'depthwise':
			return depthwiseConvCost(dk, m, outSize);
		case 'pointwise':
			return pointwiseConvCost(m, n, outSize);
		case 'grouped':
			return groupedConvCost(dk, m, n, outSize, groups);
	}
}

function phase(spec: PhaseSpec, startAtom: number, startMacs: number): Phase {
	const { kind, dk, m, n, groups, inSize, stride } = spec;
	const outSize = outputSize(inSize, stride);
	const atomsPerCell = m / groups;
	return {
		kind,
		dk,
		m,
		n,
		groups,
		inSize,
		outSize,
		stride,
		pad: samePadding(inSize, dk, stride),
		atomsPerCell,
		atoms: n * outSize * outSize * atomsPerCell,
		macsPerAtom: dk * dk,
		startAtom,
		startMacs,
		macs: engineMacs(spec, outSize)
	};
}

/** The group a filter (output channel) belongs to. */
export function filterGroup(p: Phase, filter: number): number {
	return Math.floor(filter / (p.n / p.groups));
}

/** The input channels a group reads: from `first` up to, not including, `end`. */
export function groupChannels(p: Phase, group: number): { first: number; end: number } {
	return { first: group * p.atomsPerCell, end: (group + 1) * p.atomsPerCell };
}

export function makeTrack(kind: TrackKind, size: ConvSize): Track {
	const { dk, m, n, df, stride } = size;
	const phases: Phase[] = [];
	const push = (spec: Omit<PhaseSpec, 'm'>) => {
		const last = phases.at(-1);
		const startAtom = last ? last.startAtom + last.atoms : 0;
		const startMacs = last ? last.startMacs + last.macs : 0;
		phases.push(phase({ ...spec, m }, startAtom, startMacs));
	};
	const layer = { dk, inSize: df, stride };
	if (kind === 'standard') push({ ...layer, kind, n, groups: 1 });
	if (kind === 'grouped') push({ ...layer, kind, n, groups: size.groups ?? 1 });
	if (kind === 'depthwise' || kind === 'separable') {
		push({ ...layer, kind: 'depthwise', n: m, groups: m });
	}
	if (kind === 'pointwise') push({ ...layer, kind, dk: 1, n, groups: 1 });
	if (kind === 'separable') {
		push({ kind: 'pointwise', dk: 1, inSize: outputSize(df, stride), stride: 1, n, groups: 1 });
	}
	const last = phases.at(-1);
	if (!last) throw new Error(`unknown track kind ${kind}`);
	return {
		kind,
		size,
		outSize: outputSize(df, stride),
		phases,
		totalAtoms: last.startAtom + last.atoms,
		totalMacs: last.startMacs + last.macs
	};
}

/** The engine's formula for a track's total: what its counter must end at. */
export function formulaMacs(kind: TrackKind, size: ConvSize): number {
	const df = outputSize(size.df, size.stride);
	switch (kind) {
		case 'standard':
			return standardConvCost(size.dk, size.m, size.n, df);
		case 'depthwise':
			return depthwiseConvCost(size.dk, size.m, df);
		case 'pointwise':
			return pointwiseConvCost(size.m, size.n, df);
		case 'separable':
			return separableConvCost(size.dk, size.m, size.n, df);
		case 'grouped':
			return groupedConvCost(size.dk, size.m, size.n, df, size.groups ?? 1);
	}
}

function phaseOfAtom(track: Track, index: number): Phase {
	for (const p of track.phases) if (index < p.startAtom + p.atoms) return p;
	return track.phases.at(-1) as Phase;
}

/** Mult-adds done once the first `atoms` atoms are complete. */
export function macsAfter(track: Track, atoms: number): number {
	if (atoms <= 0) return 0;
	if (atoms >= track.totalAtoms) return track.totalMacs;
	const p = phaseOfAtom(track, atoms);
	return p.startMacs + (atoms - p.startAtom) * p.macsPerAtom;
}

/** How many atoms are complete when `t` mult-adds of time have passed. */
export function atomsDone(track: Track, t: number): number {
	if (t <= 0) return 0;
	if (t >= track.totalMacs) return track.totalAtoms;
	for (const p of track.phases) {
		if (t < p.startMacs + p.macs) {
			return p.startAtom + Math.floor((t - p.startMacs) / p.macsPerAtom);
		}
	}
	return track.totalAtoms;
}

/** The atom at an index of the track: filter by filter, cell by cell, channel by channel. */
export function atomAt(track: Track, index: number): Atom {
	const i = Math.min(Math.max(0, index), track.totalAtoms - 1);
	const p = phaseOfAtom(track, i);
	const rel = i - p.startAtom;
	const perCell = p.atomsPerCell;
	const perFilter = p.outSize * p.outSize * perCell;
	const filter = Math.floor(rel / perFilter);
	const inFilter = rel % perFilter;
	const cell = Math.floor(inFilter / perCell);
	const group = filterGroup(p, filter);
	return {
		index: i,
		phase: track.phases.indexOf(p),
		kind: p.kind,
		filter,
		group,
		channel: groupChannels(p, group).first + (inFilter % perCell),
		row: Math.floor(cell / p.outSize),
		col: cell % p.outSize,
		macs: p.macsPerAtom
	};
}

/** The D_K×D_K input positions an atom multiplies, padding included. */
export function atomWindow(track: Track, atom: Atom): InputCell[] {
	const p = track.phases[atom.phase] as Phase;
	const top = atom.row * p.stride - p.pad;
	const left = atom.col * p.stride - p.pad;
	const cells: InputCell[] = [];
	for (let r = 0; r < p.dk; r++) {
		for (let c = 0; c < p.dk; c++) {
			const row = top + r;
			const col = left + c;
			cells.push({ row, col, inside: row >= 0 && col >= 0 && row < p.inSize && col < p.inSize });
		}
	}
	return cells;
}

/** Atoms in one step of a granularity within a phase. */
function unitAtoms(p: Phase, granularity: Granularity): number {
	if (granularity === 'channel') return 1;
	if (granularity === 'cell') return p.atomsPerCell;
	return p.atomsPerCell * p.outSize * p.outSize;
}

/** The first step boundary (in mult-adds) after time t. */
export function nextBoundary(track: Track, t: number, granularity: Granularity): number {
	const done = atomsDone(track, t);
	if (done >= track.totalAtoms) return track.totalMacs;
	const p = phaseOfAtom(track, done);
	const unit = unitAtoms(p, granularity);
	const rel = done + 1 - p.startAtom;
	return macsAfter(track, p.startAtom + Math.ceil(rel / unit) * unit);
}

/** The last step boundary (in mult-adds) before time t. */
export function previousBoundary(track: Track, t: number, granularity: Granularity): number {
	const done = atomsDone(track, t);
	const last = macsAfter(track, done) < t ? done : done - 1;
	if (last < 0) return 0;
	const p = phaseOfAtom(track, last);
	const unit = unitAtoms(p, granularity);
	return macsAfter(track, p.startAtom + Math.floor((last - p.startAtom) / unit) * unit);
}

/** Output cells complete in one phase after `atoms` atoms of the track. */
export function cellsDone(track: Track, phaseIndex: number, atoms: number): number {
	const p = track.phases[phaseIndex] as Phase;
	const rel = Math.min(Math.max(atoms - p.startAtom, 0), p.atoms);
	return Math.floor(rel / p.atomsPerCell);
}

/** Mult-adds of one step at a granularity, for the phase that holds time t. */
export function stepMacs(track: Track, t: number, granularity: Granularity): number {
	const p = phaseOfAtom(track, Math.min(atomsDone(track, t), track.totalAtoms - 1));
	return unitAtoms(p, granularity) * p.macsPerAtom;
}
