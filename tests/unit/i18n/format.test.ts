import { describe, expect, it } from 'vitest';
import {
	formatCompact,
	formatTicks,
	formatDecimal,
	formatInteger,
	formatBillions,
	formatMillions,
	formatPercent,
	formatValue,
	parseDecimal
} from '$lib/i18n/format';

const NBSP = '\u00a0';
/** Intl's Russian grouping separator and percent space are no-break spaces; compare readably. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('exact numbers', () => {
	it('groups digits as each language does; Russian leaves four digits whole', () => {
		expect(formatInteger(568740352, 'en')).toBe('568,740,352');
		expect(plain(formatInteger(568740352, 'ru'))).toBe('568 740 352');
		expect(formatInteger(568740352, 'zh')).toBe('568,740,352');
		expect(formatInteger(568740352, 'ko')).toBe('568,740,352');
		expect(formatInteger(4608, 'en')).toBe('4,608');
		expect(formatInteger(4608, 'ru')).toBe('4608');
		expect(plain(formatInteger(46080, 'ru'))).toBe('46 080');
	});

	it('writes decimals and percentages with the language’s separator', () => {
		expect(formatDecimal(0.75, 'en')).toBe('0.75');
		expect(formatDecimal(0.75, 'ru')).toBe('0,75');
		expect(formatDecimal(0.75, 'zh')).toBe('0.75');
		expect(formatDecimal(8.6, 'ru', 1)).toBe('8,6');
		expect(formatPercent(0.9486, 'en')).toBe('94.86%');
		expect(plain(formatPercent(0.9486, 'ru'))).toBe('94,86 %');
		expect(formatPercent(0.9486, 'zh')).toBe('94.86%');
		expect(formatPercent(0.9486, 'ko')).toBe('94.86%');
	});
});

describe('counts the papers print in millions', () => {
	it('English and Russian print the millions; the unit is in the text around them', () => {
		expect(formatMillions(568740352, 'en', 0)).toBe('569');
		expect(formatMillions(4209088, 'en', 1)).toBe('4.2');
		expect(formatMillions(4209088, 'ru', 2)).toBe('4,21');
		expect(formatMillions(15300e6, 'en', 0)).toBe('15,300');
		expect(plain(formatMillions(15300e6, 'ru', 0))).toBe('15 300');
		expect(formatMillions(4866e6, 'ru', 0)).toBe('4866');
	});

	it('Chinese writes 万 and 亿, spaced off the digits, to the printed precision', () => {
		const zh = (value: number, digits: number) => formatMillions(value, 'zh', digits);
		expect(zh(568740352, 0)).toBe(`5.69${NBSP}亿`);
		// 4.2M is two significant digits: 420 万, not 421 万.
		expect(zh(4209088, 1)).toBe(`420${NBSP}万`);
		expect(zh(4209088, 2)).toBe(`421${NBSP}万`);
		expect(zh(4866e6, 0)).toBe(`48.66${NBSP}亿`);
		expect(zh(15300e6, 0)).toBe(`153${NBSP}亿`);
		expect(zh(138e6, 0)).toBe(`1.38${NBSP}亿`);
		expect(zh(29.3e6, 1)).toBe(`2930${NBSP}万`);
		expect(zh(300e6, 0)).toBe(`3${NBSP}亿`);
		expect(zh(475544, 3)).toBe(`47.6${NBSP}万`);
		expect(zh(10838016, 2)).toBe(`1084${NBSP}万`);
	});

	it('Korean writes 만 and 억 attached, with thousands separators before the unit', () => {
		const ko = (value: number, digits: number) => formatMillions(value, 'ko', digits);
		expect(ko(568740352, 0)).toBe('5.69억');
		expect(ko(4209088, 1)).toBe('420만');
		expect(ko(29.3e6, 1)).toBe('2,930만');
		expect(ko(15300e6, 0)).toBe('153억');
		expect(ko(4866e6, 0)).toBe('48.66억');
	});

	it('moves to the next unit when rounding reaches it, and prints small counts whole', () => {
		expect(formatMillions(99_996_000, 'zh', 2)).toBe(`1${NBSP}亿`);
		expect(formatMillions(99_996_000, 'ko', 2)).toBe('1억');
		expect(formatMillions(1.2e12, 'ko', 0)).toBe('1.2조');
		expect(formatMillions(1.2e12, 'zh', 0)).toBe(`1.2${NBSP}万亿`);
		expect(formatMillions(6000, 'zh', 3)).toBe('6,000');
		expect(formatMillions(1000, 'ko', 2)).toBe('0');
	});
});

describe('counts the papers print in billions', () => {
	it('prints the billions in English and Russian, 亿 and 억 in Chinese and Korean', () => {
		expect(formatBillions(0.3, 'en', 1)).toBe('0.3');
		expect(formatBillions(0.615, 'ru', 3)).toBe('0,615');
		expect(formatBillions(0.3, 'zh', 1)).toMatch(/^3\s?亿$/);
		expect(formatBillions(0.615, 'zh', 3)).toMatch(/^6\.15\s?亿$/);
		expect(formatBillions(1.3, 'ko', 1)).toBe('13억');
		expect(formatBillions(34.9, 'ko', 1)).toBe('349억');
	});
});

describe('compact numbers for axes', () => {
	it('abbreviates from ten thousand up, in each language’s units', () => {
		expect(formatCompact(568740352, 'en')).toBe('569M');
		expect(plain(formatCompact(568740352, 'ru'))).toBe('569 млн');
		expect(formatCompact(568740352, 'zh')).toBe(`5.69${NBSP}亿`);
		expect(formatCompact(568740352, 'ko')).toBe('5.69억');
		expect(formatCompact(20e6, 'zh')).toBe(`2000${NBSP}万`);
		expect(formatCompact(20e6, 'ko')).toBe('2,000만');
		expect(formatCompact(12345, 'ko')).toBe('1.23만');
	});

	it('never abbreviates below ten thousand (Intl gives 4.61천 and 1万)', () => {
		expect(formatCompact(4608, 'ko')).toBe('4,610');
		expect(formatCompact(5000, 'ko')).toBe('5,000');
		expect(formatCompact(9999, 'zh')).toBe('10,000');
		expect(formatCompact(0.25, 'ru')).toBe('0,25');
		expect(formatCompact(0, 'zh')).toBe('0');
	});
});

describe('tick labels', () => {
	it('abbreviate the thousands on an axis that abbreviates ten thousand', () => {
		const decades = [10, 100, 1000, 10000, 100000];
		expect(formatTicks(decades, 'en')).toEqual(['10', '100', '1K', '10K', '100K']);
		expect(formatTicks(decades, 'ru').map(plain)).toEqual([
			'10',
			'100',
			'1 тыс.',
			'10 тыс.',
			'100 тыс.'
		]);
		expect(formatTicks(decades, 'zh')).toEqual(['10', '100', '1000', `1${NBSP}万`, `10${NBSP}万`]);
		expect(formatTicks(decades, 'ko')).toEqual(['10', '100', '1천', '1만', '10만']);
	});

	it('leave an axis below ten thousand as formatCompact writes it', () => {
		expect(formatTicks([0, 2500, 5000, 7500], 'en')).toEqual(['0', '2,500', '5,000', '7,500']);
		expect(formatTicks([0, 2e6, 4e6], 'ko')).toEqual(['0', '200만', '400만']);
	});

	it('name negative ticks as their positive counterparts', () => {
		expect(formatTicks([-1e4, -5e3, 0, 5e3, 1e4], 'en')).toEqual(['-10K', '-5K', '0', '5K', '10K']);
	});
});

describe('values a program produced', () => {
	it('prints integers exactly and other numbers to six significant digits', () => {
		expect(formatValue(57802752, 'en')).toBe('57,802,752');
		expect(formatValue(1 / 3, 'ru')).toBe('0,333333');
		expect(formatValue(Number.NaN, 'zh')).toBe('NaN');
		expect(formatValue(-Infinity, 'ko')).toBe('-Infinity');
	});
});

describe('typed numbers', () => {
	it('accepts a decimal point or a decimal comma, and spaces', () => {
		expect(parseDecimal('0.75')).toBe(0.75);
		expect(parseDecimal('0,75')).toBe(0.75);
		expect(parseDecimal(' 224 ')).toBe(224);
		expect(parseDecimal(',5')).toBe(0.5);
		expect(parseDecimal('1.')).toBe(1);
		expect(parseDecimal('\u22120,5')).toBe(-0.5);
		expect(parseDecimal(`1${NBSP}0`)).toBe(10);
	});

	it('refuses what is not one number', () => {
		for (const text of ['', ' ', 'abc', '0.7.5', '0,7,5', '1,000.5', '0.75a', '1e3', '.', '--1']) {
			expect(parseDecimal(text), text).toBeNull();
		}
	});
});
