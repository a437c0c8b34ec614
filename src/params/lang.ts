import type { ParamMatcher } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime';

export const match = ((param: string) => isLocale(param)) satisfies ParamMatcher;
