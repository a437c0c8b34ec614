import { describe, expect, it } from 'vitest';
import { messageParts } from '$lib/i18n/symbols';
import { locales } from '$lib/i18n/languages';
import { readFileSync } from 'node:fs';

/** The messages a component sets through MessageText: their D_K and D_F become symbols. */
const SET_AS_SYMBOLS = [
	'viz_block_ratio_caption',
	'anim_field_dk',
	'anim_ratio',
	'anim_stride_note',
	'anim_explore_side_by_side',
	'anim_explore_standard',
	'anim_explore_depthwise',
	'anim_explore_grouped'
];

describe('messageParts', () => {
	it('splits D_K and D_F out of the text around them, whatever touches them', () => {
		expect(messageParts('1/N + 1/D_K² = 25/144')).toEqual([
			{ text: '1/N + 1/' },
			{ symbol: 'dk' },
			{ text: '² = 25/144' }
		]);
		expect(messageParts('D_K×D_K×M')).toEqual([
			{ symbol: 'dk' },
			{ text: '×' },
			{ symbol: 'dk' },
			{ text: '×M' }
		]);
		expect(messageParts('공식의 D_F는')).toEqual([
			{ text: '공식의 ' },
			{ symbol: 'df' },
			{ text: '는' }
		]);
		expect(messageParts('卷积核 D_K')).toEqual([{ text: '卷积核 ' }, { symbol: 'dk' }]);
	});

	it('leaves other underscores and plain text alone', () => {
		expect(messageParts('Input side')).toEqual([{ text: 'Input side' }]);
		expect(messageParts('')).toEqual([]);
		for (const text of ['SAME_PADDING', 'D_KX', 'XD_K', 'D_k', 'D_M']) {
			expect(messageParts(text)).toEqual([{ text }]);
		}
	});

	it("leaves no TeX subscript in any language's symbol messages", () => {
		for (const lang of locales) {
			const messages = JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<
				string,
				string
			>;
			for (const key of SET_AS_SYMBOLS) {
				const parts = messageParts(messages[key] ?? '');
				expect(
					parts.some((part) => 'symbol' in part),
					`${lang} ${key}`
				).toBe(true);
				const text = parts.map((part) => ('text' in part ? part.text : '')).join('');
				expect(text, `${lang} ${key}`).not.toMatch(/[A-Z]_[A-Z]/);
			}
		}
	});
});
