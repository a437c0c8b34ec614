/** The activation functions of MobileNet V1–V3 (and swish, which h-swish approximates). */

export type ActivationName = 'relu' | 'relu6' | 'swish' | 'hswish' | 'hsigmoid';

export const relu = (x: number): number => Math.max(0, x);

/** ReLU capped at 6: robust in low-precision arithmetic (V1, V2). */
export const relu6 = (x: number): number => Math.min(6, Math.max(0, x));

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** x·σ(x) (Ramachandran et al.). */
export const swish = (x: number): number => x * sigmoid(x);

/** ReLU6(x + 3) / 6: the piecewise-linear sigmoid of V3. */
export const hsigmoid = (x: number): number => relu6(x + 3) / 6;

/** x · ReLU6(x + 3) / 6: V3's cheap swish. */
export const hswish = (x: number): number => x * hsigmoid(x);

export const ACTIVATIONS: Readonly<Record<ActivationName, (x: number) => number>> = {
	relu,
	relu6,
	swish,
	hswish,
	hsigmoid
};

/** Samples a function on [min, max] with the breakpoints of the piecewise ones included exactly. */
export function sample(
	fn: (x: number) => number,
	min: number,
	max: number,
	steps: number
): [number, number][] {
	const xs = new Set<number>();
	for (let i = 0; i <= steps; i++) xs.add(min + ((max - min) * i) / steps);
	for (const kink of [-3, 0, 3, 6]) if (kink > min && kink < max) xs.add(kink);
	return [...xs].sort((a, b) => a - b).map((x) => [x, fn(x)]);
}
