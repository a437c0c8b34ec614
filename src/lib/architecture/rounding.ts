/**
 * Channel rounding rules of the reference implementations.
 */

/**
 * `_make_divisible` of the TF/Keras MobileNet V2/V3 code: round to the nearest multiple of
 * `divisor` (at least `minValue`), bumping up one step if that lost more than 10% of v.
 */
export function makeDivisible(v: number, divisor = 8, minValue: number = divisor): number {
	// Python's int() truncates; v is positive here, so trunc and floor agree.
	const rounded = Math.max(minValue, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
	return rounded < 0.9 * v ? rounded + divisor : rounded;
}

/**
 * V1 width rule of TF-slim (`max(int(d * depth_multiplier), min_depth=8)`). Keras drops the
 * floor of 8, but the two agree for every released α (≥ 0.25: the 0.25 model's conv1 has 8).
 */
export function v1Width(channels: number, alpha: number): number {
	return Math.max(Math.trunc(channels * alpha), 8);
}
