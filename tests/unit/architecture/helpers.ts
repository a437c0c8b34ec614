/** Deterministic PRNG (mulberry32) so random-input tests are reproducible. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

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
