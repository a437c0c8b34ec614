import { describe, expect, it } from 'vitest';
import { messageParts } from '$lib/i18n/symbols';
import { locales } from '$lib/i18n/languages';
import { readFileSync } from 'node:fs';
import { sourceFiles } from '../../source-files';

const messages = Object.fromEntries(
	locales.map((lang) => [
		lang,
		JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, string>
	])
);

/** Every message whose English names D_K or D_F. */
const symbolKeys = Object.keys(messages.en ?? {}).filter((key) =>
	/\bD_[KF]\b/.test(messages.en?.[key] ?? '')
);

/**
 * Where the plain spelling stays: the notebook's prose (there D_K and D_F are the cells' variables)
 * and an attribute, which holds no markup (a screen reader skips the underscore).
 */
const PLAIN = /^cell_|^viz_block_ratio_label$/;

/** The messages a component shows with their symbols set. */
const shownKeys = symbolKeys.filter((key) => !PLAIN.test(key));

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
		expect(shownKeys.length).toBeGreaterThanOrEqual(8);
		for (const lang of locales) {
			for (const key of shownKeys) {
				const parts = messageParts(messages[lang]?.[key] ?? '');
				expect(
					parts.some((part) => 'symbol' in part),
					`${lang} ${key}`
				).toBe(true);
				const text = parts.map((part) => ('text' in part ? part.text : '')).join('');
				expect(text, `${lang} ${key}`).not.toMatch(/[A-Z]_[A-Z]/);
			}
		}
	});

	it('shows every message that names D_K or D_F through MessageText', () => {
		const files = sourceFiles('src').map((file) => ({ file, text: readFileSync(file, 'utf8') }));
		for (const key of shownKeys) {
			let uses = 0;
			for (const { file, text } of files) {
				for (const use of text.matchAll(new RegExp(`(\\S*)\\s*\\bm\\.${key}\\b(.)`, 'g'))) {
					uses++;
					const [, before, after] = use;
					if (after === '(') {
						// Called where it is shown: as MessageText's text.
						expect(before, `${file}: ${key}`).toMatch(/text=\{$/);
					} else {
						// Passed by reference (a table of labels): the file shows it through MessageText.
						expect(text, `${file}: ${key}`).toMatch(/<MessageText\s+text=\{labels\[/);
					}
				}
			}
			expect(uses, key).toBeGreaterThan(0);
		}
	});
});
