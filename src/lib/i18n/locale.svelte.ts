import { baseLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';

// Paraglide reads the locale through getLocale(); backing it with a rune makes every
// message call in a template re-render when the language changes.
let current = $state<Locale>(baseLocale);
overwriteGetLocale(() => current);

export function setLanguage(lang: Locale): void {
	current = lang;
}

export function language(): Locale {
	return current;
}
