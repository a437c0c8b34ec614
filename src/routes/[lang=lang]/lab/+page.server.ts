import { LAB_TERM_IDS } from '$lib/lab/layer-labels';
import { glossaryTerms } from '$lib/lessons/content.server';
import { assertIsLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

// The lab names layers and blocks with the glossary's terms, the words the lessons use.
export const load: PageServerLoad = ({ params }) => ({
	terms: glossaryTerms(assertIsLocale(params.lang), LAB_TERM_IDS)
});
