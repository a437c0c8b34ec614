import { course } from '$lib/lessons/content.server';
import { assertIsLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({
	lessons: course(assertIsLocale(params.lang))
});
