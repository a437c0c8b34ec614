/**
 * Every number the site prints goes through here, in the reader's language: lessons (Num, Cost,
 * Quote, tables, charts), the lab, the animations, notebook output and the values passed to UI
 * messages. Intl does the digits; this module adds what Intl gets wrong for a textbook:
 *
 * - Russian leaves four-digit numbers whole (4608, but 46 080), as Russian typography does.
 * - Chinese and Korean count large numbers in myriads (万/亿, 만/억): 5.69 亿, 420 万, 5.69억,
 *   420만. Intl's compact notation has the units but not the precision: it rounds a figure the
 *   paper printed as 4866 to 48.7亿, an exact 4,608 to 4610 or 4.61천, and 9,999 to 1万.
 */
import type { Locale } from '$lib/paraglide/runtime';
import { htmlLang } from './languages';

// Building an Intl.NumberFormat costs tens of microseconds; the lab formats hundreds of numbers per frame.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${lang} ${JSON.stringify(options)}`;
	let formatter = formatters.get(key);
	if (formatter === undefined) {
		formatter = new Intl.NumberFormat(htmlLang[lang], {
			...(lang === 'ru' && { useGrouping: 'min2' }),
			...options
		});
		formatters.set(key, formatter);
	}
	return formatter;
}

/**
 * Builds `lang`'s plain number format ahead of its first use. A page's first Intl object loads
 * Chromium's number data (20–35 ms on the 2-core test machine, four times that at Lighthouse's
 * mobile CPU slowdown), in whatever task asks first: islands call this in a task of its own, before
 * the widgets near the viewport hydrate once the page has been idle.
 */
export function warmNumberFormat(lang: Locale): void {
	numberFormat(lang, {});
}

interface Myriads {
	/** Largest first. */
	units: ReadonlyArray<readonly [size: number, name: string]>;
	/** Between the number and its unit: Chinese text spaces digits off from Han characters. */
	space: string;
	/** Thousands separators before the unit: 2,930만 in Korean, 2930 万 in Chinese. */
	grouping: boolean;
}

const MYRIADS: Partial<Record<Locale, Myriads>> = {
	zh: {
		units: [
			[1e12, '万亿'],
			[1e8, '亿'],
			[1e4, '万']
		],
		space: '\u00a0',
		grouping: false
	},
	ko: {
		units: [
			[1e12, '조'],
			[1e8, '억'],
			[1e4, '만']
		],
		space: '',
		grouping: true
	}
};

/**
 * `value` rounded to a multiple of `step` (a power of ten), in the largest myriad unit it reaches,
 * with exactly the decimals that step allows: 568,740,352 at a step of 1e6 → 5.69 亿.
 */
function inMyriads(value: number, lang: Locale, myriads: Myriads, step: number): string {
	const rounded = Math.round(value / step) * step;
	const unit = myriads.units.find(([size]) => Math.abs(rounded) >= size);
	if (!unit) return numberFormat(lang, { maximumFractionDigits: 0 }).format(rounded);
	const [size, name] = unit;
	const decimals = Math.max(0, Math.round(Math.log10(size / step)));
	const digits = numberFormat(lang, {
		maximumFractionDigits: decimals,
		useGrouping: myriads.grouping
	}).format(rounded / size);
	return `${digits}${myriads.space}${name}`;
}

/** Exact integer with the language's digit grouping (568,740,352 / 568 740 352 / 4608 in Russian). */
export function formatInteger(value: number, lang: Locale): string {
	return numberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(value: number, lang: Locale, digits = 2): string {
	return numberFormat(lang, {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}

export function formatPercent(share: number, lang: Locale, digits = 2): string {
	return numberFormat(lang, {
		style: 'percent',
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(share);
}

/**
 * A count as the papers print it, in millions with `digits` decimals (569M, 4.2M), keeping that
 * precision in every language. English and Russian print the number of millions, and the unit
 * (M, million, млн) is in the text around it: the prose, the message, the column heading.
 * Chinese and Korean count in 万/亿 and 만/억, whose choice depends on the size, so the unit is
 * part of the number: 5.69 亿, 420 万, 48.66 亿 (printed 4866M), 5.69억, 420만.
 */
export function formatMillions(value: number, lang: Locale, digits = 1): string {
	const myriads = MYRIADS[lang];
	if (myriads) return inMyriads(value, lang, myriads, 10 ** (6 - digits));
	return formatDecimal(value / 1e6, lang, digits);
}

/**
 * A count the papers print in billions (0.3 GFLOPs, 1.3B mult-adds), as formatMillions prints
 * millions: the number of billions in English and Russian (the text names the unit), 3 亿 / 3억
 * in Chinese and Korean, at the printed precision.
 */
export function formatBillions(billions: number, lang: Locale, digits = 1): string {
	const myriads = MYRIADS[lang];
	if (myriads) return inMyriads(billions * 1e9, lang, myriads, 10 ** (9 - digits));
	return formatDecimal(billions, lang, digits);
}

/**
 * A short number with its unit, to three significant digits, for chart axes: 4,608 / 569M /
 * 569 млн / 5.69 亿 / 5.69억. Below ten thousand no language abbreviates.
 */
export function formatCompact(value: number, lang: Locale): string {
	if (Math.abs(value) < 1e4)
		return numberFormat(lang, { maximumSignificantDigits: 3 }).format(value);
	const myriads = MYRIADS[lang];
	if (myriads) {
		const step = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
		return inMyriads(value, lang, myriads, step);
	}
	return numberFormat(lang, { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}

/**
 * An axis's tick labels (formatCompact's), named alike: an axis that reaches ten thousand, and so
 * abbreviates there, abbreviates its thousands too (10 / 100 / 1K / 10K, not 1,000 beside 10K;
 * 1천 beside 1만; Chinese 1000 beside 1 万, as its compact notation has no thousands).
 */
export function formatTicks(values: readonly number[], lang: Locale): string[] {
	const abbreviated = values.some((value) => Math.abs(value) >= 1e4);
	return values.map((value) =>
		abbreviated && Math.abs(value) >= 1e3 && Math.abs(value) < 1e4
			? numberFormat(lang, { notation: 'compact', maximumSignificantDigits: 3 }).format(value)
			: formatCompact(value, lang)
	);
}

/** Any number a program produced (a notebook cell): integers exactly, others to 6 significant digits. */
export function formatValue(value: number, lang: Locale): string {
	if (!Number.isFinite(value)) return String(value);
	if (Number.isInteger(value) && Math.abs(value) < 1e21) return formatInteger(value, lang);
	return numberFormat(lang, { maximumSignificantDigits: 6 }).format(value);
}

/**
 * A number typed into a box, with a decimal point or a decimal comma whatever the page's language
 * (0.75 and 0,75), and spaces ignored. Null when the text is not one number. The boxes that use it
 * take values below a thousand, so a comma is never a thousands separator.
 */
export function parseDecimal(text: string): number | null {
	const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
	if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
	return Number(compact.replace(',', '.'));
}
