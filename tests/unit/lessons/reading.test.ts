import { describe, expect, it } from 'vitest';
import { readingIndex } from '$lib/lessons/reading';

describe('the part being read', () => {
	it('is the last whose top has passed the reading line', () => {
		expect(readingIndex([-900, -100, 250, 700], 280, false)).toBe(2);
		expect(readingIndex([-900, -100, 300, 700], 280, false)).toBe(1);
		expect(readingIndex([-900, -100, 280, 700], 280, false)).toBe(2);
	});

	it('is none before the first part, and the last at the end of the page', () => {
		expect(readingIndex([400, 900], 280, false)).toBe(-1);
		expect(readingIndex([-900, -100, 300, 700], 280, true)).toBe(3);
		expect(readingIndex([], 280, true)).toBe(-1);
	});
});
