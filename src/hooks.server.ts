import type { Handle } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';
import { htmlLang } from '$lib/i18n/languages';

export const handle: Handle = ({ event, resolve }) => {
	const lang = event.params.lang;
	const tag = lang && isLocale(lang) ? htmlLang[lang] : 'en';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', tag) });
};
