import { describe, expect, it } from 'vitest';
import { parseSlideHash, slideHash } from '$lib/present/hash';
import { elapsed, formatElapsed, startStopwatch, toggleStopwatch } from '$lib/present/timer';
import { autoAspect, fitStage, fitZoom, nextAspectChoice } from '$lib/present/stage';
import { swipeDirection } from '$lib/present/swipe';

describe('slide hash', () => {
	it('round-trips 1-based numbers to 0-based indices', () => {
		expect(slideHash(0)).toBe('#1');
		expect(slideHash(4)).toBe('#5');
		expect(parseSlideHash('#5', 10)).toBe(4);
		expect(parseSlideHash(slideHash(7), 10)).toBe(7);
	});

	it('reads other spellings and clamps', () => {
		expect(parseSlideHash('#/3', 10)).toBe(2);
		expect(parseSlideHash('#slide-3', 10)).toBe(2);
		expect(parseSlideHash('#40', 10)).toBe(9);
		expect(parseSlideHash('#0', 10)).toBe(0);
	});

	it('ignores anything that is not a slide number', () => {
		expect(parseSlideHash('', 10)).toBeNull();
		expect(parseSlideHash('#intro', 10)).toBeNull();
		expect(parseSlideHash('#3', 0)).toBeNull();
		expect(parseSlideHash('#-2', 10)).toBeNull();
	});
});

describe('timer', () => {
	it('formats elapsed time', () => {
		expect(formatElapsed(0)).toBe('0:00');
		expect(formatElapsed(61_500)).toBe('1:01');
		expect(formatElapsed(3_600_000 + 62_000)).toBe('1:01:02');
		expect(formatElapsed(-5)).toBe('0:00');
	});

	it('pauses and resumes', () => {
		let watch = startStopwatch(1000);
		expect(elapsed(watch, 6000)).toBe(5000);
		watch = toggleStopwatch(watch, 6000);
		expect(elapsed(watch, 60_000)).toBe(5000);
		watch = toggleStopwatch(watch, 60_000);
		expect(elapsed(watch, 61_000)).toBe(6000);
	});
});

describe('stage', () => {
	it('picks 4:3 for a 1024×768 projector and 16:9 for wide screens', () => {
		expect(autoAspect(1024, 768)).toBe('4:3');
		expect(autoAspect(1920, 1080)).toBe('16:9');
		expect(autoAspect(1280, 800)).toBe('16:9');
		expect(autoAspect(3840, 2160)).toBe('16:9');
	});

	it('scales and centres the stage', () => {
		expect(fitStage(1920, 1080, '16:9')).toEqual({ scale: 2, left: 0, top: 0 });
		expect(fitStage(1024, 768, '4:3').scale).toBeCloseTo(1024 / 720);
		const letterbox = fitStage(1024, 768, '16:9');
		expect(letterbox.scale).toBeCloseTo(1024 / 960);
		expect(letterbox.left).toBe(0);
		expect(letterbox.top).toBeCloseTo((768 - 540 * (1024 / 960)) / 2);
		expect(fitStage(3840, 2160, '16:9').scale).toBe(4);
	});

	it('cycles the aspect choice', () => {
		expect(nextAspectChoice('auto')).toBe('16:9');
		expect(nextAspectChoice('16:9')).toBe('4:3');
		expect(nextAspectChoice('4:3')).toBe('auto');
	});

	it('finds the largest zoom that fits', () => {
		// Content 1300 units tall at zoom 1 in a 900-unit slide: fits at zoom ≤ 0.692.
		const zoom = fitZoom((z) => 1300 * z > 900);
		expect(zoom).toBeLessThanOrEqual(900 / 1300);
		expect(zoom).toBeGreaterThan(900 / 1300 - 0.01);
		expect(fitZoom(() => false)).toBe(1);
		expect(fitZoom(() => true, 0.5)).toBe(0.5);
	});
});

describe('swipe', () => {
	it('reads horizontal swipes only', () => {
		expect(swipeDirection(-120, 10, 200)).toBe('next');
		expect(swipeDirection(120, -20, 200)).toBe('prev');
		expect(swipeDirection(30, 0, 200)).toBeNull();
		expect(swipeDirection(-100, 90, 200)).toBeNull();
		expect(swipeDirection(-200, 0, 2000)).toBeNull();
	});
});
