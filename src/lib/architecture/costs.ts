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
