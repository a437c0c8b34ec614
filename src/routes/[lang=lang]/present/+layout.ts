import { setLanguage } from '$lib/i18n/locale.svelte';
import { assertIsLocale } from '$lib/paraglide/runtime';
import type { LayoutLoad } from './$types';

// The presentation pages reset the layout (+layout@.svelte: no site header), so the language is set here.
export const load: LayoutLoad = ({ params }) => {
	const lang = assertIsLocale(params.lang);
	setLanguage(lang);
	return { lang };
};
