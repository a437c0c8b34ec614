import { glossary } from '$lib/lessons/content.server';
import { assertIsLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => glossary(assertIsLocale(params.lang));
