/**
 * A histogram of one layer's weights. Weights that came as 8 bits get one bin per level, 256 in
 * all, so the levels show as the separate bars they are; float weights get evenly spaced bins,
 * a continuum. Either way the histogram reports the layer's scale: the step between 8-bit levels
 * for 8-bit weights, and for float weights the step per-tensor 8-bit quantization would give.
 */
import type { WeightArray } from './weights';

export interface WeightHistogram {
	/** Values per bin, lowest first. */
	counts: number[];
	/** Lower edge of the first bin and upper edge of the last. */
	min: number;
	max: number;
	/** Width of every bin. */
	binWidth: number;
	/** 256 for 8-bit weights (one bin per level), null for float ones. */
	levels: number | null;
	/** The step between 8-bit levels (stored, or what per-tensor quantization would use). */
	scale: number;
	/** 8-bit weights: the level that stands for 0. */
	zeroPoint: number | null;
	/** How many values were counted. */
	total: number;
}

const LEVELS = 256;
/** Bins for float weights: fine enough to show the shape, coarse enough to stay readable. */
export const FLOAT_BINS = 64;

export function weightHistogram(weights: WeightArray, bins = FLOAT_BINS): WeightHistogram {
	const { data, quantization: q } = weights;
	if (q) {
		const counts = new Array<number>(LEVELS).fill(0);
		for (const v of data) {
			const level = Math.round(v / q.scale) + q.zeroPoint;
			counts[Math.min(LEVELS - 1, Math.max(0, level))]! += 1;
		}
		// Bin i is centred on level i.
		return {
			counts,
			min: q.scale * (-0.5 - q.zeroPoint),
			max: q.scale * (LEVELS - 0.5 - q.zeroPoint),
			binWidth: q.scale,
			levels: LEVELS,
			scale: q.scale,
			zeroPoint: q.zeroPoint,
			total: data.length
		};
	}
	let min = Infinity;
	let max = -Infinity;
	for (const v of data) {
		if (v < min) min = v;
		if (v > max) max = v;
	}
	if (!(max > min)) {
		// Empty, or every value the same: one bin holds them all.
		const value = Number.isFinite(min) ? min : 0;
		return {
			counts: [data.length],
			min: value,
			max: value,
			binWidth: 0,
			levels: null,
			scale: 0,
			zeroPoint: null,
			total: data.length
		};
	}
	const counts = new Array<number>(bins).fill(0);
	const binWidth = (max - min) / bins;
	for (const v of data) counts[Math.min(bins - 1, Math.floor((v - min) / binWidth))]! += 1;
	// Per-tensor 8-bit covers [min(0, min), max(0, max)] in 255 steps.
	const scale = (Math.max(0, max) - Math.min(0, min)) / (LEVELS - 1);
	return { counts, min, max, binWidth, levels: null, scale, zeroPoint: null, total: data.length };
}
