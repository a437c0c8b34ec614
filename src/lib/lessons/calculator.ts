/**
 * The cost calculator of the separable-convolution lesson: reads D_K, M, N, D_F as typed,
 * and gives every line of the derivation of the cost ratio (V1 paper, eqs. 1–5) with its numbers.
 */
import {
	depthwiseConvCost,
	pointwiseConvCost,
	separableConvCost,
	separableRatio,
	standardConvCost,
	depthwiseConvParams,
	pointwiseConvParams,
	standardConvParams
} from '$lib/architecture';

export type Dimension = 'dk' | 'm' | 'n' | 'df';
export type Dimensions = Record<Dimension, number>;

/** Beyond these the products leave exact double precision or stop meaning anything for a CNN layer. */
export const LIMITS: Record<Dimension, { min: number; max: number }> = {
	dk: { min: 1, max: 15 },
	m: { min: 1, max: 4096 },
	n: { min: 1, max: 4096 },
	df: { min: 1, max: 1024 }
};

export type ParseResult =
	| { ok: true; value: number }
	| {
			ok: false;
			problem: 'empty' | 'not-integer' | 'too-small' | 'too-large';
			min: number;
			max: number;
	  };

export function parseDimension(raw: string, dimension: Dimension): ParseResult {
	const { min, max } = LIMITS[dimension];
	const text = raw.trim();
	if (text === '') return { ok: false, problem: 'empty', min, max };
	const value = Number(text);
	if (!Number.isInteger(value)) return { ok: false, problem: 'not-integer', min, max };
	if (value < min) return { ok: false, problem: 'too-small', min, max };
	if (value > max) return { ok: false, problem: 'too-large', min, max };
	return { ok: true, value };
}

export interface Derivation {
	/** Mult-adds, V1 eq. (1): D_K·D_K·M·N·D_F·D_F. */
	standard: number;
	/** Eq. (3): D_K·D_K·M·D_F·D_F. */
	depthwise: number;
	/** M·N·D_F·D_F. */
	pointwise: number;
	/** Eq. (4): depthwise + pointwise. */
	separable: number;
	/** separable / standard as computed from the two totals. */
	ratio: number;
	/** depthwise / standard = 1/N and pointwise / standard = 1/D_K² (eq. 5, term by term). */
	depthwiseTerm: number;
	pointwiseTerm: number;
	/** The exact fraction (D_K² + N) / (N·D_K²) in lowest terms. */
	fraction: { numerator: number; denominator: number };
	/** How many times fewer mult-adds: standard / separable. */
	speedup: number;
	params: { standard: number; depthwise: number; pointwise: number; separable: number };
}

export function derive({ dk, m, n, df }: Dimensions): Derivation {
	const standard = standardConvCost(dk, m, n, df);
	const depthwise = depthwiseConvCost(dk, m, df);
	const pointwise = pointwiseConvCost(m, n, df);
	const separable = separableConvCost(dk, m, n, df);
	const { numerator, denominator } = separableRatio(dk, n);
	const dwParams = depthwiseConvParams(dk, m);
	const pwParams = pointwiseConvParams(m, n);
	return {
		standard,
		depthwise,
		pointwise,
		separable,
		ratio: separable / standard,
		depthwiseTerm: depthwise / standard,
		pointwiseTerm: pointwise / standard,
		fraction: { numerator, denominator },
		speedup: standard / separable,
		params: {
			standard: standardConvParams(dk, m, n),
			depthwise: dwParams,
			pointwise: pwParams,
			separable: dwParams + pwParams
		}
	};
}
