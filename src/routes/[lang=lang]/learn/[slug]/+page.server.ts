import { error } from '@sveltejs/kit';
import { courseSlugs, lessonPage } from '$lib/lessons/content.server';
import { assertIsLocale, locales } from '$lib/paraglide/runtime';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every lesson of the English course in every language (untranslated ones fall back to English).
export const entries: EntryGenerator = () =>
	locales.flatMap((lang) => courseSlugs().map((slug) => ({ lang, slug })));

export const load: PageServerLoad = ({ params }) => {
	const lesson = lessonPage(assertIsLocale(params.lang), params.slug);
	if (!lesson) error(404, 'No such lesson');
	return { lesson };
};
