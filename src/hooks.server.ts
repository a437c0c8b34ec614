import type { Handle } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';
import { htmlLang } from '$lib/i18n/languages';
import { fitPolicyToRoute } from '$lib/csp';

export const handle: Handle = ({ event, resolve }) => {
	const lang = event.params.lang;
	const tag = lang && isLocale(lang) ? htmlLang[lang] : 'en';
	return resolve(event, {
		transformPageChunk: ({ html }) => fitPolicyToRoute(html.replace('%lang%', tag), event.route.id)
	});
};
