import { describe, expect, it } from 'vitest';
import { hiddenSides } from '$lib/lessons/scroll-sides';

describe('hiddenSides', () => {
	it('is none when the content fits', () => {
		expect(hiddenSides(0, 700, 723)).toBe('none');
		expect(hiddenSides(0, 723, 723)).toBe('none');
	});

	it('names the end at the start of a wide table, both midway, the start at its end', () => {
		expect(hiddenSides(0, 1113, 723)).toBe('end');
		expect(hiddenSides(200, 1113, 723)).toBe('both');
		expect(hiddenSides(390, 1113, 723)).toBe('start');
	});

	it('allows a pixel of rounding at either end', () => {
		expect(hiddenSides(0.6, 1113, 723)).toBe('end');
		expect(hiddenSides(389.4, 1113, 723)).toBe('start');
		expect(hiddenSides(0, 724, 723)).toBe('none');
		expect(hiddenSides(0, 725, 723)).toBe('end');
	});
});
