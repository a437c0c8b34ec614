import { error } from '@sveltejs/kit';
import { loadLessonModule } from '$lib/present/lesson-module';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => {
	const module = await loadLessonModule(data.lesson.sourceLang, data.lesson.slug);
	if (!module) error(404);
	return { ...data, ...module };
};
