import type { Handle } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';
import { htmlLang } from '$lib/i18n/languages';
import { routeRunsWasm } from '$lib/csp';

export const handle: Handle = ({ event, resolve }) => {
	const lang = event.params.lang;
	const tag = lang && isLocale(lang) ? htmlLang[lang] : 'en';
	const keepWasm = routeRunsWasm(event.route.id);
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const localized = html.replace('%lang%', tag);
			return keepWasm ? localized : localized.replace(" 'wasm-unsafe-eval'", '');
		}
	});
};
