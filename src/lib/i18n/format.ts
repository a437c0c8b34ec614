import type { Locale } from '$lib/paraglide/runtime';
import { htmlLang } from './languages';

/** Exact integer with the language's digit grouping (568,740,352 / 568 740 352). */
export function formatInteger(value: number, lang: Locale): string {
	return new Intl.NumberFormat(htmlLang[lang], { maximumFractionDigits: 0 }).format(value);
}

/** Millions with a fixed number of decimals, as the papers print them (569M, 4.2M). */
export function formatMillions(value: number, lang: Locale, digits = 1): string {
	return new Intl.NumberFormat(htmlLang[lang], {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value / 1e6);
}

export function formatPercent(share: number, lang: Locale, digits = 2): string {
	return new Intl.NumberFormat(htmlLang[lang], {
		style: 'percent',
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(share);
}

export function formatDecimal(value: number, lang: Locale, digits = 2): string {
	return new Intl.NumberFormat(htmlLang[lang], {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}
