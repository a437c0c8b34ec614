/**
 * Cost formulas of the MobileNet V1 paper, section 3.1. D_K: kernel size, M: input channels,
 * N: output channels, D_F: side of the (square) output feature map.
 */

/** D_K·D_K·M·N·D_F·D_F */
export function standardConvCost(dk: number, m: number, n: number, df: number): number {
	return dk * dk * m * n * df * df;
}

/** D_K·D_K·M·D_F·D_F: one D_K×D_K filter per input channel. */
export function depthwiseConvCost(dk: number, m: number, df: number): number {
	return dk * dk * m * df * df;
}

/** M·N·D_F·D_F: a 1×1 standard convolution. */
export function pointwiseConvCost(m: number, n: number, df: number): number {
	return m * n * df * df;
}

/** Depthwise followed by pointwise. */
export function separableConvCost(dk: number, m: number, n: number, df: number): number {
	return depthwiseConvCost(dk, m, df) + pointwiseConvCost(m, n, df);
}

export function standardConvParams(dk: number, m: number, n: number): number {
	return dk * dk * m * n;
}

export function depthwiseConvParams(dk: number, m: number): number {
	return dk * dk * m;
}

export function pointwiseConvParams(m: number, n: number): number {
	return m * n;
}

export function separableConvParams(dk: number, m: number, n: number): number {
	return depthwiseConvParams(dk, m) + pointwiseConvParams(m, n);
}

/** Whether g groups can split M input and N output channels evenly (as every framework requires). */
export function isGroupCount(m: number, n: number, groups: number): boolean {
	return Number.isInteger(groups) && groups >= 1 && m % groups === 0 && n % groups === 0;
}

/** The group counts a layer from M to N channels allows: the common divisors of M and N, ascending. */
export function groupCounts(m: number, n: number): number[] {
	return Array.from({ length: Math.min(m, n) }, (_, k) => k + 1).filter((g) =>
		isGroupCount(m, n, g)
	);
}

function assertGroups(m: number, n: number, groups: number): void {
	if (!isGroupCount(m, n, groups)) {
		throw new RangeError(`${groups} groups do not divide ${m} input and ${n} output channels`);
	}
}

/**
 * D_K·D_K·(M/g)·N·D_F·D_F: the channels split into g groups, and each of the N filters sees only
 * the M/g channels of its own group. g = 1 is the standard convolution; g = M with N = M the
 * depthwise one.
 */
export function groupedConvCost(
	dk: number,
	m: number,
	n: number,
	df: number,
	groups: number
): number {
	assertGroups(m, n, groups);
	return dk * dk * (m / groups) * n * df * df;
}

/** D_K·D_K·(M/g)·N: N filters, each D_K×D_K×(M/g). */
export function groupedConvParams(dk: number, m: number, n: number, groups: number): number {
	assertGroups(m, n, groups);
	return dk * dk * (m / groups) * n;
}

function gcd(a: number, b: number): number {
	return b === 0 ? a : gcd(b, a % b);
}

/**
 * Separable over standard cost, 1/N + 1/D_K² (the unnumbered result after the paper's eq. 5,
 * which is the separable cost itself), as the exact fraction
 * (D_K² + N) / (N·D_K²) in lowest terms, so lessons can print it without float noise.
 */
export function separableRatio(
	dk: number,
	n: number
): { numerator: number; denominator: number; value: number } {
	const k2 = dk * dk;
	const divisor = gcd(k2 + n, n * k2);
	const numerator = (k2 + n) / divisor;
	const denominator = (n * k2) / divisor;
	return { numerator, denominator, value: numerator / denominator };
}
