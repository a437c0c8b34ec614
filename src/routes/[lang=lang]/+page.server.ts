import { course } from '$lib/lessons/content.server';
import { FEATURES } from '$lib/lessons/features';
import { starterCode } from '$lib/notebook/cells';
import { assertIsLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

// The home page shows the course as it is (each lesson with what it offers) and a real cell.
export const load: PageServerLoad = ({ params }) => {
	const lessons = course(assertIsLocale(params.lang));
	return {
		lessons,
		/** The features some lesson has, for the legend under the course. */
		features: FEATURES.filter((f) => lessons.some((l) => l.features.includes(f))),
		code: starterCode('playground', 'charts')
	};
};
