/** A random integer in [min, max]. */
export function intIn(random: () => number, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}

/** Rounds to the number of decimals a paper prints. */
export function roundTo(x: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round(x * f) / f;
}

export const millions = (x: number): number => x / 1e6;
