import { describe, expect, it } from 'vitest';
import { ALPHA_RANGE, DEFAULT_CONFIG, RESOLUTION_RANGE, V1_CHECKPOINTS } from '$lib/architecture';
import {
	alphaSlider,
	markPosition,
	publishedAlphas,
	resolutionSlider,
	rho,
	snapToStep
} from '$lib/lab/controls';
import { kernelText, shapeText } from '$lib/lab/table';

describe('sliders', () => {
	it('span the engine ranges, with every published value on a step', () => {
		for (const version of ['v1', 'v2', 'v3-large', 'v3-small'] as const) {
			const alpha = alphaSlider(version);
			expect([alpha.min, alpha.max]).toEqual([ALPHA_RANGE.min, ALPHA_RANGE.max]);
			expect(alpha.marks.length).toBeGreaterThan(0);
			for (const mark of alpha.marks) {
				const steps = (mark - alpha.min) / alpha.step;
				expect(steps).toBeCloseTo(Math.round(steps), 9);
			}
			expect(alpha.marks).toContain(DEFAULT_CONFIG.alpha);
		}
		const res = resolutionSlider();
		expect([res.min, res.max]).toEqual([RESOLUTION_RANGE.min, RESOLUTION_RANGE.max]);
		expect(res.marks).toEqual(
			[...new Set(V1_CHECKPOINTS.map((c) => c.resolution))].sort((a, b) => a - b)
		);
		for (const mark of res.marks) expect((mark - res.min) % res.step).toBe(0);
	});

	it('marks the released width multipliers of each version', () => {
		expect(publishedAlphas('v1')).toEqual([0.25, 0.5, 0.75, 1]);
		expect(publishedAlphas('v2')).toContain(1.4);
		expect(publishedAlphas('v3-small')).toEqual([0.75, 1]);
	});

	it('ρ is the resolution over the base size, and marks sit along the track', () => {
		expect(rho(DEFAULT_CONFIG.resolution)).toBe(1);
		expect(rho(160)).toBeCloseTo(0.714, 3);
		const res = resolutionSlider();
		expect(markPosition(res.min, res)).toBe(0);
		expect(markPosition(res.max, res)).toBe(1);
	});

	it('snaps float-step noise to the step', () => {
		expect(snapToStep(0.1 + 13 * 0.05, 0.05)).toBe(0.75);
		expect(snapToStep(224.0000001, 8)).toBe(224);
	});
});

describe('table text', () => {
	it('writes shapes and kernels', () => {
		expect(shapeText([112, 112, 32])).toBe('112×112×32');
		expect(kernelText({ kernel: 3, stride: 2 })).toBe('3×3 / 2');
		expect(kernelText({ kernel: 0, stride: 1 })).toBe('—');
	});
});
