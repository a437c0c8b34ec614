import { describe, expect, it } from 'vitest';
import {
	depthwiseConvCost,
	outputSize,
	pointwiseConvCost,
	separableConvCost,
	standardConvCost
} from '$lib/architecture';
import {
	atomAt,
	atomWindow,
	atomsDone,
	clampSize,
	formulaMacs,
	isValidSize,
	macsAfter,
	makeTrack,
	nextBoundary,
	previousBoundary,
	samePadding,
	stepMacs,
	type ConvSize,
	type Granularity,
	type TrackKind
} from '$lib/viz/conv-steps';

const sizes: ConvSize[] = [
	{ dk: 3, m: 4, n: 8, df: 6, stride: 1 },
	{ dk: 3, m: 3, n: 2, df: 5, stride: 2 },
	{ dk: 1, m: 1, n: 1, df: 1, stride: 1 },
	{ dk: 5, m: 16, n: 16, df: 10, stride: 1 },
	{ dk: 5, m: 2, n: 3, df: 7, stride: 2 },
	{ dk: 2, m: 5, n: 4, df: 4, stride: 1 },
	{ dk: 4, m: 3, n: 6, df: 9, stride: 2 }
];
const kinds: TrackKind[] = ['standard', 'depthwise', 'pointwise', 'separable'];

function engineTotal(kind: TrackKind, s: ConvSize): number {
	const df = outputSize(s.df, s.stride);
	if (kind === 'standard') return standardConvCost(s.dk, s.m, s.n, df);
	if (kind === 'depthwise') return depthwiseConvCost(s.dk, s.m, df);
	if (kind === 'pointwise') return pointwiseConvCost(s.m, s.n, df);
	return separableConvCost(s.dk, s.m, s.n, df);
}

/** Every (dk, m, n, df, stride) on a coarse grid within the limits. */
function* manySizes(): Generator<ConvSize> {
	for (const dk of [1, 2, 3, 5])
		for (const m of [1, 3, 16])
			for (const n of [1, 4, 16])
				for (const df of [1, 4, 7, 10]) for (const stride of [1, 2]) yield { dk, m, n, df, stride };
}

describe('step sequence totals', () => {
	it('every track ends at the engine formula, for many sizes', () => {
		let checked = 0;
		for (const s of manySizes()) {
			for (const kind of kinds) {
				const track = makeTrack(kind, s);
				expect(track.totalMacs).toBe(engineTotal(kind, s));
				expect(formulaMacs(kind, s)).toBe(engineTotal(kind, s));
				expect(macsAfter(track, track.totalAtoms)).toBe(engineTotal(kind, s));
				checked++;
			}
		}
		expect(checked).toBe(4 * 3 * 3 * 4 * 2 * 4);
	});

	it('the output side is ⌈input/stride⌉ with SAME padding', () => {
		expect(makeTrack('standard', { dk: 3, m: 1, n: 1, df: 5, stride: 2 }).outSize).toBe(3);
		expect(makeTrack('standard', { dk: 3, m: 1, n: 1, df: 10, stride: 2 }).outSize).toBe(5);
		// TensorFlow: total padding max((out−1)·s + k − in, 0), the smaller half first.
		expect(samePadding(6, 3, 1)).toBe(1);
		expect(samePadding(6, 3, 2)).toBe(0);
		expect(samePadding(5, 3, 2)).toBe(1);
		expect(samePadding(4, 4, 1)).toBe(1);
		expect(samePadding(7, 1, 2)).toBe(0);
	});
});

describe('the atoms visit exactly what the formulas count', () => {
	for (const s of sizes) {
		for (const kind of kinds) {
			it(`${kind} ${JSON.stringify(s)}`, () => {
				const track = makeTrack(kind, s);
				let macs = 0;
				let products = 0;
				// Each (phase, filter, row, col, channel) exactly once.
				const seen = new Set<string>();
				const perCell = new Map<string, number>();
				// Checked in plain code and asserted once: 640,000 expect() calls would take seconds.
				const wrong: string[] = [];
				for (let i = 0; i < track.totalAtoms; i++) {
					const atom = atomAt(track, i);
					const key = `${atom.phase}/${atom.filter}/${atom.row}/${atom.col}/${atom.channel}`;
					if (seen.has(key)) wrong.push(`${key} twice`);
					seen.add(key);
					const cell = `${atom.phase}/${atom.filter}/${atom.row}/${atom.col}`;
					perCell.set(cell, (perCell.get(cell) ?? 0) + 1);
					const window = atomWindow(track, atom);
					const phase = track.phases[atom.phase]!;
					if (window.length !== phase.dk * phase.dk) wrong.push(`${key} window ${window.length}`);
					if (atom.kind === 'depthwise' && atom.channel !== atom.filter) wrong.push(`${key} mixes`);
					products += window.length;
					macs += atom.macs;
					if (macsAfter(track, i + 1) !== macs) wrong.push(`${key} macsAfter`);
				}
				expect(wrong).toEqual([]);
				expect(macs).toBe(engineTotal(kind, s));
				expect(products).toBe(engineTotal(kind, s));
				// Output cells: N·D_F² (M·D_F² for depthwise) per phase, each made by the right number of atoms.
				for (const phase of track.phases) {
					const cells = [...perCell.entries()].filter(([k]) =>
						k.startsWith(`${track.phases.indexOf(phase)}/`)
					);
					expect(cells).toHaveLength(phase.n * phase.outSize * phase.outSize);
					for (const [, count] of cells) expect(count).toBe(phase.atomsPerCell);
				}
			});
		}
	}

	it('standard windows slide by the stride and read every input cell', () => {
		const s = { dk: 3, m: 2, n: 1, df: 7, stride: 2 };
		const track = makeTrack('standard', s);
		const read = new Set<string>();
		for (let i = 0; i < track.totalAtoms; i++) {
			const atom = atomAt(track, i);
			for (const cell of atomWindow(track, atom)) {
				if (cell.inside) read.add(`${atom.channel}/${cell.row}/${cell.col}`);
				else expect(cell.row < 0 || cell.col < 0 || cell.row >= 7 || cell.col >= 7).toBe(true);
			}
		}
		expect(read.size).toBe(2 * 7 * 7);
		const first = atomWindow(track, atomAt(track, 0));
		const next = atomWindow(track, atomAt(track, s.m));
		expect(next[0]!.col - first[0]!.col).toBe(2);
	});

	it('the separable track runs depthwise first, then pointwise on its output', () => {
		const track = makeTrack('separable', { dk: 3, m: 4, n: 8, df: 6, stride: 2 });
		expect(track.phases.map((p) => p.kind)).toEqual(['depthwise', 'pointwise']);
		expect(track.phases[1]!.inSize).toBe(3);
		expect(track.phases[1]!.stride).toBe(1);
		expect(atomAt(track, track.phases[1]!.startAtom).kind).toBe('pointwise');
		expect(atomAt(track, track.phases[1]!.startAtom - 1).kind).toBe('depthwise');
	});
});

describe('stepping', () => {
	const expectedSteps = (kind: TrackKind, s: ConvSize, g: Granularity): number => {
		const df = outputSize(s.df, s.stride);
		const cells = (channels: number) => channels * df * df;
		const units = (phaseKind: TrackKind, out: number) => {
			if (g === 'filter') return out;
			if (g === 'cell' || phaseKind === 'depthwise') return cells(out);
			return cells(out) * s.m;
		};
		if (kind === 'separable') return units('depthwise', s.m) + units('pointwise', s.n);
		return units(kind, kind === 'depthwise' ? s.m : s.n);
	};

	for (const s of sizes.slice(0, 5)) {
		for (const kind of kinds) {
			for (const g of ['channel', 'cell', 'filter'] as Granularity[]) {
				it(`${kind} by ${g} ${JSON.stringify(s)}`, () => {
					const track = makeTrack(kind, s);
					const stops = [0];
					let t = 0;
					while (t < track.totalMacs) {
						const step = stepMacs(track, t, g);
						const next = nextBoundary(track, t, g);
						expect(next - t).toBe(step);
						t = next;
						stops.push(t);
					}
					expect(stops.length - 1).toBe(expectedSteps(kind, s, g));
					expect(t).toBe(formulaMacs(kind, s));
					// Backwards visits the same stops.
					const back = [t];
					while (t > 0) {
						t = previousBoundary(track, t, g);
						back.push(t);
					}
					expect(back.reverse()).toEqual(stops);
				});
			}
		}
	}

	it('a step from the middle of an atom goes to the next boundary', () => {
		const track = makeTrack('standard', { dk: 3, m: 4, n: 2, df: 3, stride: 1 });
		// A cell is 3·3·4 = 36 mult-adds; an atom 9.
		expect(nextBoundary(track, 5, 'cell')).toBe(36);
		expect(nextBoundary(track, 5, 'channel')).toBe(9);
		expect(previousBoundary(track, 40, 'cell')).toBe(36);
		expect(previousBoundary(track, 36, 'cell')).toBe(0);
		expect(nextBoundary(track, 0, 'filter')).toBe(36 * 9);
		expect(atomsDone(track, 35)).toBe(3);
		expect(atomsDone(track, 36)).toBe(4);
		expect(nextBoundary(track, track.totalMacs, 'cell')).toBe(track.totalMacs);
	});
});

describe('size limits', () => {
	it('accepts whole numbers within the limits only', () => {
		expect(isValidSize('dk', 5)).toBe(true);
		expect(isValidSize('dk', 6)).toBe(false);
		expect(isValidSize('m', 2.5)).toBe(false);
		expect(isValidSize('df', 0)).toBe(false);
		expect(isValidSize('stride', Number.NaN)).toBe(false);
	});

	it('clamps props to the nearest legible sizes', () => {
		expect(clampSize({ dk: 9, m: 0, n: 3.6, df: 100, stride: 3 })).toEqual({
			dk: 5,
			m: 1,
			n: 4,
			df: 10,
			stride: 2
		});
		expect(clampSize({ dk: Number.NaN, m: 4, n: 4, df: 4, stride: 1 }).dk).toBe(1);
	});
});
