import { error } from '@sveltejs/kit';
import { locales } from '$lib/i18n/languages';
import { course, lessonPage } from '$lib/lessons/content.server';
import { assertIsLocale } from '$lib/paraglide/runtime';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	locales.flatMap((lang) => course(lang).map(({ slug }) => ({ lang, slug })));

export const load: PageServerLoad = ({ params }) => {
	const lesson = lessonPage(assertIsLocale(params.lang), params.slug);
	if (!lesson) error(404);
	return { lesson };
};
