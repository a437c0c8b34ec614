/**
 * The step sequence of the convolution animation, computed lazily by index arithmetic.
 *
 * The atom of every mode is "one input channel's contribution to one output cell":
 * D_K·D_K mult-adds for a standard or depthwise filter, 1 for a pointwise one. A standard
 * output cell is M atoms, a depthwise cell one atom, a pointwise cell M atoms.
 *
 * Sizes: `df` is the side of the input feature map. With stride s and SAME padding the output
 * side is ⌈df/s⌉, and that output side is the D_F of the cost formulas — as in the engine, and as
 * in the paper, which assumes stride 1 so that input and output sides agree. Padded positions are
 * multiplied by zero and counted, as the formulas count D_K·D_K products for every output cell.
 */
import {
	depthwiseConvCost,
	outputSize,
	pointwiseConvCost,
	separableConvCost,
	standardConvCost
} from '$lib/architecture';

export type ConvMode = 'standard' | 'depthwise' | 'pointwise';
export type TrackKind = ConvMode | 'separable';
export type Granularity = 'channel' | 'cell' | 'filter';

export const GRANULARITIES: readonly Granularity[] = ['channel', 'cell', 'filter'];

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
}

export type SizeField = keyof ConvSize;

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

/** The nearest legible sizes: rounds and clamps every field (for props passed by lessons). */
export function clampSize(size: ConvSize): ConvSize {
	const clamp = (field: SizeField) => {
		const { min, max } = SIZE_LIMITS[field];
		const value = Number.isFinite(size[field]) ? Math.round(size[field]) : min;
		return Math.min(max, Math.max(min, value));
	};
	return {
		dk: clamp('dk'),
		m: clamp('m'),
		n: clamp('n'),
		df: clamp('df'),
		stride: clamp('stride')
	};
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
	inSize: number;
	outSize: number;
	stride: number;
	/** SAME padding before the first row/column (TensorFlow puts the odd one after). */
	pad: number;
	/** Atoms that make one output cell. */
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

function phase(
	kind: ConvMode,
	dk: number,
	m: number,
	n: number,
	inSize: number,
	stride: number,
	startAtom: number,
	startMacs: number
): Phase {
	const outSize = outputSize(inSize, stride);
	const cells = outSize * outSize;
	const atomsPerCell = kind === 'depthwise' ? 1 : m;
	const channelsOut = kind === 'depthwise' ? m : n;
	const macs =
		kind === 'standard'
			? standardConvCost(dk, m, n, outSize)
			: kind === 'depthwise'
				? depthwiseConvCost(dk, m, outSize)
				: pointwiseConvCost(m, n, outSize);
	return {
		kind,
		dk,
		m,
		n: channelsOut,
		inSize,
		outSize,
		stride,
		pad: samePadding(inSize, dk, stride),
		atomsPerCell,
		atoms: channelsOut * cells * atomsPerCell,
		macsPerAtom: kind === 'pointwise' ? 1 : dk * dk,
		startAtom,
		startMacs,
		macs
	};
}

export function makeTrack(kind: TrackKind, size: ConvSize): Track {
	const { dk, m, n, df, stride } = size;
	const phases: Phase[] = [];
	const push = (
		phaseKind: ConvMode,
		k: number,
		inSize: number,
		phaseStride: number,
		channelsOut: number
	) => {
		const last = phases.at(-1);
		const startAtom = last ? last.startAtom + last.atoms : 0;
		const startMacs = last ? last.startMacs + last.macs : 0;
		phases.push(phase(phaseKind, k, m, channelsOut, inSize, phaseStride, startAtom, startMacs));
	};
	if (kind === 'standard') push('standard', dk, df, stride, n);
	if (kind === 'depthwise' || kind === 'separable') push('depthwise', dk, df, stride, m);
	if (kind === 'pointwise') push('pointwise', 1, df, stride, n);
	if (kind === 'separable') push('pointwise', 1, outputSize(df, stride), 1, n);
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

/** The atom at an index of the track. */
export function atomAt(track: Track, index: number): Atom {
	const i = Math.min(Math.max(0, index), track.totalAtoms - 1);
	const p = phaseOfAtom(track, i);
	const rel = i - p.startAtom;
	const cells = p.outSize * p.outSize;
	let filter: number;
	let channel: number;
	let cell: number;
	if (p.kind === 'depthwise') {
		filter = Math.floor(rel / cells);
		channel = filter;
		cell = rel % cells;
	} else {
		filter = Math.floor(rel / (cells * p.m));
		const inFilter = rel % (cells * p.m);
		cell = Math.floor(inFilter / p.m);
		channel = inFilter % p.m;
	}
	return {
		index: i,
		phase: track.phases.indexOf(p),
		kind: p.kind,
		filter,
		channel,
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
