import { describe, expect, it } from 'vitest';
import {
	countReadingUnits,
	HAN_PER_MINUTE,
	HANGUL_PER_MINUTE,
	readingMinutes,
	WORDS_PER_MINUTE
} from '$lib/lessons/reading-time';

const words = (n: number, word = 'convolution') => Array.from({ length: n }, () => word).join(' ');

describe('reading time', () => {
	it('counts Latin and Cyrillic by words, Chinese and Korean by characters', () => {
		expect(countReadingUnits('The 1×1 convolution mixes channels.')).toEqual({
			words: 6,
			han: 0,
			hangul: 0
		});
		expect(countReadingUnits('Свёртка 1×1 смешивает каналы.').words).toBe(5);
		expect(countReadingUnits('深度可分离卷积的计算量')).toEqual({ words: 0, han: 11, hangul: 0 });
		// Korean words are space-delimited, but syllables are what is counted.
		expect(countReadingUnits('깊이별 분리 합성곱')).toEqual({ words: 0, han: 0, hangul: 8 });
		// Mixed text: MobileNet inside Chinese counts as a word.
		expect(countReadingUnits('MobileNet 的结构')).toEqual({ words: 1, han: 3, hangul: 0 });
		expect(countReadingUnits("don't re-use it")).toEqual({ words: 3, han: 0, hangul: 0 });
	});

	it('rounds up to whole minutes, never below one', () => {
		expect(readingMinutes('')).toBe(1);
		expect(readingMinutes(words(WORDS_PER_MINUTE))).toBe(1);
		expect(readingMinutes(words(WORDS_PER_MINUTE + 1))).toBe(2);
		expect(readingMinutes(words(WORDS_PER_MINUTE * 5, 'свёртка'))).toBe(5);
		expect(readingMinutes('卷'.repeat(HAN_PER_MINUTE * 3))).toBe(3);
		expect(readingMinutes('곱'.repeat(HANGUL_PER_MINUTE * 2 + 1))).toBe(3);
	});

	it('gives CJK text the same time as English of the same length in reading effort', () => {
		const english = readingMinutes(words(WORDS_PER_MINUTE * 6));
		const chinese = readingMinutes('字'.repeat(HAN_PER_MINUTE * 6));
		expect(chinese).toBe(english);
	});
});
