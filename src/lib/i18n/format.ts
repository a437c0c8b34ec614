import type { Locale } from '$lib/paraglide/runtime';
import { htmlLang } from './languages';

// Building an Intl.NumberFormat costs tens of microseconds; the lab formats hundreds of numbers per frame.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${lang} ${JSON.stringify(options)}`;
	let formatter = formatters.get(key);
	if (formatter === undefined) {
		formatter = new Intl.NumberFormat(htmlLang[lang], options);
		formatters.set(key, formatter);
	}
	return formatter;
}

/** Exact integer with the language's digit grouping (568,740,352 / 568 740 352). */
export function formatInteger(value: number, lang: Locale): string {
	return numberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** Millions with a fixed number of decimals, as the papers print them (569M, 4.2M). */
export function formatMillions(value: number, lang: Locale, digits = 1): string {
	return numberFormat(lang, {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value / 1e6);
}

export function formatPercent(share: number, lang: Locale, digits = 2): string {
	return numberFormat(lang, {
		style: 'percent',
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(share);
}

export function formatDecimal(value: number, lang: Locale, digits = 2): string {
	return numberFormat(lang, {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}

/** Short form for chart axes, in the language's own units (569M, 569 млн, 5.7亿, 5.7억). */
export function formatCompact(value: number, lang: Locale): string {
	return numberFormat(lang, { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}
