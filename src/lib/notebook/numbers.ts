/** Numbers in a cell's tables and charts, in the reader's language (57,802,752 / 57 802 752). */
import { htmlLang } from '$lib/i18n/languages';
import type { Locale } from '$lib/paraglide/runtime';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${lang} ${JSON.stringify(options)}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat(htmlLang[lang], options);
		formatters.set(key, format);
	}
	return format;
}

/** Integers exactly, with grouping; other numbers to 6 significant digits. */
export function formatOutputNumber(value: number, lang: Locale): string {
	if (!Number.isFinite(value)) return String(value);
	if (Number.isInteger(value) && Math.abs(value) < 1e21) {
		return formatter(lang, { maximumFractionDigits: 0 }).format(value);
	}
	return formatter(lang, { maximumSignificantDigits: 6 }).format(value);
}

/** Axis ticks: short, compact from ten thousand up (1.2M, 120 млн, 1.2亿). */
export function formatTick(value: number, lang: Locale): string {
	const compact = Math.abs(value) >= 1e4;
	return formatter(lang, {
		maximumSignificantDigits: 3,
		...(compact ? { notation: 'compact' as const } : {})
	}).format(value);
}
