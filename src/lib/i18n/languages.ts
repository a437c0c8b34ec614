import { baseLocale, isLocale, locales, type Locale } from '$lib/paraglide/runtime';

/** Each language's name in its own script, for the switcher. */
export const endonyms: Record<Locale, string> = {
	en: 'English',
	ru: 'Русский',
	zh: '中文',
	ko: '한국어'
};

/** BCP 47 tags for <html lang> and Intl formatting. */
export const htmlLang: Record<Locale, string> = {
	en: 'en',
	ru: 'ru',
	zh: 'zh-Hans',
	ko: 'ko'
};

/** The first of the browser's preferred languages that the site speaks. */
export function pickLanguage(preferred: readonly string[]): Locale {
	for (const tag of preferred) {
		const primary = tag.toLowerCase().split('-')[0] ?? '';
		if (isLocale(primary)) return primary;
	}
	return baseLocale;
}

/** The same page in another language: swaps the leading /<lang>/ segment, keeps the rest. */
export function localizePath(pathname: string, lang: Locale): `/${string}/` {
	const segments = pathname.split('/');
	if (segments.length > 1 && isLocale(segments[1] ?? '')) {
		const rest = segments.slice(2).filter((segment) => segment !== '');
		return rest.length === 0 ? `/${lang}/` : `/${lang}/${rest.join('/')}/`;
	}
	return `/${lang}/`;
}

export { locales };
export type { Locale };
