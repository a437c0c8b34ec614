/**
 * Arithmetic intensity: mult-adds per byte a layer must move, counting each input value, weight
 * and output value once (the least traffic any implementation needs). A layer whose intensity is
 * below a chip's ratio of compute to memory bandwidth waits on memory, whatever its mult-adds.
 */
import type { LayerSpec } from './types';

const elements = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Mult-adds per byte, for values of `bytesPerValue` bytes (4: 32-bit floats; 1: 8-bit integers). */
export function arithmeticIntensity(layer: LayerSpec, bytesPerValue = 4): number {
	const values = elements(layer.input) + elements(layer.output) + layer.params;
	return layer.macs / (values * bytesPerValue);
}
