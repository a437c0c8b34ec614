import { describe, expect, it } from 'vitest';
import {
	alwaysZero,
	channelMarks,
	channelStats,
	isZero,
	outputBound,
	zeroBelow
} from '$lib/viz/channel-stats';

describe('channel statistics', () => {
	it('ranges, values capped at 6, channels zero everywhere', () => {
		// 2 pixels × 3 channels: channel 0 reaches the cap once, channel 2 is 0 at both.
		const map = { shape: [1, 2, 3], data: Float32Array.from([6, 1, 0, 2, 5, 0]) };
		const stats = channelStats(map, 6);
		expect(stats.map((s) => [s.min, s.max, s.capped, s.size])).toEqual([
			[2, 6, 1, 2],
			[1, 5, 0, 2],
			[0, 0, 0, 2]
		]);
		expect(stats.map(isZero)).toEqual([false, false, true]);
		expect(channelStats(map, null)[0]!.capped).toBe(0);
	});

	it('always 0: no input can lift the bias past where the activation starts', () => {
		// [1, 1, 2 in, 3 out]: output 0 has only ~1e-13 weights and a negative bias; output 1 the same
		// weights but a positive bias; output 2 real weights.
		const kernel = Float32Array.from([1e-13, 1e-13, 0.5, -1e-13, 0, 0.5]);
		const bias = Float32Array.from([-0.2, 0.1, -0.2]);
		expect(alwaysZero(kernel, 3, bias, 'relu6', 6)).toEqual(new Set([0]));
		// An unbounded input can lift anything but an exactly zero kernel.
		expect(alwaysZero(kernel, 3, bias, 'relu6', Infinity)).toEqual(new Set());
		expect(
			alwaysZero(Float32Array.from([0, 0]), 2, Float32Array.from([-1, -1]), 'relu', Infinity)
		).toEqual(new Set([0, 1]));
		// A linear layer is never 0 whatever the bias.
		expect(alwaysZero(new Float32Array(2), 2, Float32Array.from([0, -1]), 'linear', 1)).toEqual(
			new Set()
		);
		expect(zeroBelow('hswish')).toBe(-3);
		expect([outputBound('input'), outputBound('relu6'), outputBound('relu')]).toEqual([
			1,
			6,
			Infinity
		]);
	});

	it('marks each channel once: proved 0 before 0 here before capped', () => {
		const map = { shape: [1, 2, 4], data: Float32Array.from([6, 0, 0, 1, 6, 0, 0, 2]) };
		const marks = channelMarks(channelStats(map, 6), new Set([2]));
		expect([...marks.entries()]).toEqual([
			[0, { kind: 'capped', share: 1 }],
			[1, { kind: 'zero-here' }],
			[2, { kind: 'always-zero' }]
		]);
	});
});
