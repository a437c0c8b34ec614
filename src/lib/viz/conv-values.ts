/**
 * Deterministic small-integer inputs and weights for the convolution animation, and the exact
 * outputs, so a student can check any output cell by hand.
 */
import type { Atom, ConvSize, Phase, Track } from './conv-steps';
import { atomWindow, filterGroup, groupChannels } from './conv-steps';
import { seededRandom } from '$lib/random';

/** [channel][row][col] */
export type Maps = number[][][];

/** Input values 0…3: small and non-negative, like activations after a ReLU. */
export const INPUT_RANGE = { min: 0, max: 3 } as const;
/** Weights −1…2: small, with negatives so sums are not all positive. */
export const WEIGHT_RANGE = { min: -1, max: 2 } as const;

function integers(random: () => number, range: { min: number; max: number }): () => number {
	return () => range.min + Math.floor(random() * (range.max - range.min + 1));
}

function grid(depth: number, rows: number, cols: number, next: () => number): Maps {
	return Array.from({ length: depth }, () =>
		Array.from({ length: rows }, () => Array.from({ length: cols }, next))
	);
}

/** Weights of one phase: [filter][channel of its group][row][col]; depthwise filters have one channel. */
export type Weights = number[][][][];

export interface TrackValues {
	input: Maps;
	/** Weights per phase. */
	weights: Weights[];
	/** Output maps per phase; a phase's input is the previous phase's output. */
	outputs: Maps[];
}

function phaseWeights(p: Phase, next: () => number): Weights {
	return Array.from({ length: p.n }, () => grid(p.atomsPerCell, p.dk, p.dk, next));
}

/** The input channels a filter reads: those of its group (all of them for g = 1). */
function channelsOf(p: Phase, filter: number): { first: number; end: number } {
	return groupChannels(p, filterGroup(p, filter));
}

/** Weights a filter applies to one input channel of its group. */
function kernelFor(p: Phase, weights: Weights, filter: number, channel: number): number[][] {
	return (weights[filter] as Maps)[channel - channelsOf(p, filter).first] as number[][];
}

/** The exact output of one phase, computed directly from the definition of convolution. */
export function convolve(p: Phase, input: Maps, weights: Weights): Maps {
	return Array.from({ length: p.n }, (_, f) =>
		Array.from({ length: p.outSize }, (_, row) =>
			Array.from({ length: p.outSize }, (_, col) => {
				let sum = 0;
				const { first, end } = channelsOf(p, f);
				for (let c = first; c < end; c++) {
					const kernel = kernelFor(p, weights, f, c);
					for (let kr = 0; kr < p.dk; kr++) {
						for (let kc = 0; kc < p.dk; kc++) {
							const r = row * p.stride - p.pad + kr;
							const cc = col * p.stride - p.pad + kc;
							if (r < 0 || cc < 0 || r >= p.inSize || cc >= p.inSize) continue;
							sum += (input[c]?.[r]?.[cc] ?? 0) * (kernel[kr]?.[kc] ?? 0);
						}
					}
				}
				return sum;
			})
		)
	);
}

/** Inputs and weights from a seed, and every phase's exact output. */
export function trackValues(track: Track, seed: number): TrackValues {
	const size: ConvSize = track.size;
	const random = seededRandom(seed);
	const input = grid(size.m, size.df, size.df, integers(random, INPUT_RANGE));
	const weights: Weights[] = [];
	const outputs: Maps[] = [];
	let current = input;
	for (const p of track.phases) {
		const w = phaseWeights(p, integers(random, WEIGHT_RANGE));
		weights.push(w);
		current = convolve(p, current, w);
		outputs.push(current);
	}
	return { input, weights, outputs };
}

export interface Term {
	/** Input value (0 where the window reads padding). */
	value: number;
	weight: number;
	inside: boolean;
}

export interface AtomArithmetic {
	terms: Term[];
	/** Sum of this atom's products. */
	sum: number;
	/** Sum of the output cell so far, this atom included. */
	running: number;
	/** The output cell's final value. */
	result: number;
	/** Whether this atom completes its output cell. */
	completesCell: boolean;
}

/** The products of one atom, and the running sum of its output cell, for the worked example. */
export function atomArithmetic(track: Track, values: TrackValues, atom: Atom): AtomArithmetic {
	const p = track.phases[atom.phase] as Phase;
	const input = atom.phase === 0 ? values.input : (values.outputs[atom.phase - 1] as Maps);
	const weights = values.weights[atom.phase] as Weights;
	const termsFor = (channel: number): Term[] => {
		const kernel = kernelFor(p, weights, atom.filter, channel);
		return atomWindow(track, { ...atom, channel }).map((cell, k) => ({
			value: cell.inside ? (input[channel]?.[cell.row]?.[cell.col] ?? 0) : 0,
			weight: kernel[Math.floor(k / p.dk)]?.[k % p.dk] ?? 0,
			inside: cell.inside
		}));
	};
	const sumOf = (terms: Term[]) => terms.reduce((s, term) => s + term.value * term.weight, 0);
	const terms = termsFor(atom.channel);
	const { first, end } = channelsOf(p, atom.filter);
	let running = 0;
	for (let c = first; c <= atom.channel; c++) running += sumOf(termsFor(c));
	return {
		terms,
		sum: sumOf(terms),
		running,
		result: values.outputs[atom.phase]?.[atom.filter]?.[atom.row]?.[atom.col] ?? 0,
		completesCell: atom.channel === end - 1
	};
}
