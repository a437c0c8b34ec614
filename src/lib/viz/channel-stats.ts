/**
 * What a layer's channels did with one image: each one's range, how often ReLU6 capped it at 6,
 * whether it stayed 0 everywhere; and which channels the weights alone make always 0. Pure.
 */
import type { Activation } from '$lib/architecture';
import { mapSize, type FeatureMap } from './feature-maps';

/** The ceiling of ReLU6. */
export const RELU6_CAP = 6;

export interface ChannelStats {
	min: number;
	max: number;
	/** Values at the cap (ReLU6's 6), when the layer has one. */
	capped: number;
	/** Values in the channel (height × width). */
	size: number;
}

/** One walk over the map, in memory order; `cap` counts values at that ceiling (null: none). */
export function channelStats(map: FeatureMap, cap: number | null): ChannelStats[] {
	const { channels } = mapSize(map);
	const { data } = map;
	const mins = new Float64Array(channels).fill(Infinity);
	const maxs = new Float64Array(channels).fill(-Infinity);
	const capped = new Float64Array(channels);
	for (let p = 0; p < data.length; p += channels) {
		for (let c = 0; c < channels; c++) {
			const v = data[p + c]!;
			if (v < mins[c]!) mins[c] = v;
			if (v > maxs[c]!) maxs[c] = v;
			if (cap !== null && v >= cap) capped[c]!++;
		}
	}
	const size = data.length / Math.max(1, channels);
	return Array.from({ length: channels }, (_, c) => ({
		min: mins[c]!,
		max: maxs[c]!,
		capped: capped[c]!,
		size
	}));
}

/** Zero at every position of this image. */
export function isZero(stats: ChannelStats): boolean {
	return stats.min === 0 && stats.max === 0;
}

/** The largest input below which the activation gives exactly 0; null when none does. */
export function zeroBelow(activation: Activation): number | null {
	switch (activation) {
		case 'relu':
		case 'relu6':
			return 0;
		case 'hswish':
		case 'hsigmoid':
			return -3;
		default:
			return null;
	}
}

/** The largest |value| a layer's output can take, for bounding what a kernel can add. */
export function outputBound(activation: Activation | 'input'): number {
	if (activation === 'input') return 1; // the network's input, scaled to [-1, 1]
	if (activation === 'relu6') return RELU6_CAP;
	if (activation === 'hsigmoid') return 1;
	return Infinity;
}

/**
 * Output channels that are 0 for every possible input: even the most the kernel can add to the
 * bias (Σ|w| × the largest input, `inputBound`) leaves the value where the activation gives 0.
 * Trained networks have such channels: BatchNorm's scale trained to ~0 shrinks the folded kernel
 * to ~1e-13. `kernel` is Keras' [k, k, in, out] flattened, whose last axis is the output channel
 * (a depthwise kernel, [k, k, in, 1], has it in `in`: pass outputs = in).
 */
export function alwaysZero(
	kernel: Float32Array,
	outputs: number,
	bias: Float32Array | null,
	activation: Activation,
	inputBound: number
): Set<number> {
	const dead = new Set<number>();
	const threshold = zeroBelow(activation);
	if (threshold === null) return dead;
	const reach = new Float64Array(outputs);
	for (let i = 0; i < kernel.length; i++) reach[i % outputs]! += Math.abs(kernel[i]!);
	for (let c = 0; c < outputs; c++) {
		const most = (bias?.[c] ?? 0) + (reach[c]! === 0 ? 0 : reach[c]! * inputBound);
		if (most <= threshold) dead.add(c);
	}
	return dead;
}

/** What the lab marks on a channel: 0 whatever the input, 0 on this image, or capped at 6. */
export type ChannelMark =
	{ kind: 'always-zero' } | { kind: 'zero-here' } | { kind: 'capped'; share: number };

/** The mark of each channel that has one; `dead` are the channels `alwaysZero` proved. */
export function channelMarks(
	stats: readonly ChannelStats[],
	dead: ReadonlySet<number>
): Map<number, ChannelMark> {
	const marks = new Map<number, ChannelMark>();
	stats.forEach((s, c) => {
		if (dead.has(c)) marks.set(c, { kind: 'always-zero' });
		else if (isZero(s)) marks.set(c, { kind: 'zero-here' });
		else if (s.capped > 0) marks.set(c, { kind: 'capped', share: s.capped / s.size });
	});
	return marks;
}
