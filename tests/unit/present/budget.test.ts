import { describe, expect, it } from 'vitest';
import { deckBudget, projectedWords, type ProjectedSlide } from '$lib/present/budget';

describe('slide budget', () => {
	it('counts words, and Chinese and Korean at two characters a word', () => {
		expect(projectedWords('The cost of a 3 × 3 depthwise layer')).toBe(8);
		expect(projectedWords('Двухслойная схема: фильтрация и смешивание')).toBe(5);
		expect(projectedWords('逐点卷积只混合通道')).toBe(5);
		expect(projectedWords('채널만 섞는 점별 합성곱')).toBe(5);
		expect(projectedWords('MobileNet 的 1×1 卷积')).toBe(5);
	});

	it('gives the median and maximum over slides, and the visual share of lesson slides', () => {
		const slide = (kind: ProjectedSlide['kind'], words: number, visual: boolean) => ({
			kind,
			text: Array.from({ length: words }, () => 'word').join(' '),
			visual
		});
		const budget = deckBudget([
			slide('title', 30, false),
			slide('lesson', 10, true),
			slide('lesson', 20, true),
			slide('lesson', 50, false),
			slide('references', 90, false)
		]);
		expect(budget).toEqual({
			slides: 5,
			median: 30,
			max: 90,
			visualShare: 2 / 3,
			visualShareAll: 2 / 5
		});
		expect(deckBudget([slide('lesson', 10, true), slide('lesson', 20, false)]).median).toBe(15);
	});
});
