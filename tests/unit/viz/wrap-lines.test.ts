import { describe, expect, it } from 'vitest';
import { estimateWidth, wrapLines } from '$lib/components/viz/captions';

describe('wrapLines', () => {
	const title = 'Арифметическая интенсивность I (умножений-сложений на байт)';

	it('keeps a title that fits on one line', () => {
		expect(wrapLines(title, 1000, 13)).toEqual([title]);
		expect(wrapLines('算术强度 I（每字节乘加次数，fp32）', 300, 13)).toEqual([
			'算术强度 I（每字节乘加次数，fp32）'
		]);
	});

	it('breaks a long title at spaces into lines no wider than the chart', () => {
		const lines = wrapLines(title, 270, 13);
		expect(lines).toEqual(['Арифметическая интенсивность I', '(умножений-сложений на байт)']);
		for (const line of lines) expect(estimateWidth(line, 13)).toBeLessThanOrEqual(270);
		expect(lines.join(' ')).toBe(title);
	});

	it('keeps a word wider than the chart whole, on a line of its own', () => {
		expect(wrapLines('a умножений-сложений b', 50, 13)).toEqual(['a', 'умножений-сложений', 'b']);
		expect(wrapLines('', 100, 13)).toEqual(['']);
	});
});
