import type { ScaleLogarithmic } from 'd3';

/** k for a tick k × 10ⁿ with k a whole number; NaN for others (1.5 × 10ⁿ on a short axis). */
function leading(tick: number): number {
	const k = tick / 10 ** Math.floor(Math.log10(tick) + 1e-9);
	return Math.abs(k - Math.round(k)) < 1e-6 ? Math.round(k) : NaN;
}

/**
 * The ticks of a log axis: d3's, kept to those whose leading digit is one of `digits` (1, 2, 5
 * × 10ⁿ, say), or all of d3's where fewer than `least` are left.
 */
export function logTicks(
	scale: ScaleLogarithmic<number, number>,
	digits: readonly number[],
	least = 0
): number[] {
	const all = scale.ticks(10);
	const kept = all.filter((tick) => digits.includes(leading(tick)));
	return kept.length >= least ? kept : all;
}
