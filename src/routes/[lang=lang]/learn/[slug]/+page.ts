import type { Component } from 'svelte';
import { browser } from '$app/environment';
import { firstPageHydrated } from '$lib/components/island/first-page';
import type { PageLoad } from './$types';

// Each compiled lesson is its own chunk: a page loads only the lesson it shows, and only when it
// renders it. The first page a visitor opens shows the prerendered lesson without its code
// (LessonProse); the import stays here all the same, where SvelteKit finds the lesson's stylesheets.
const modules = import.meta.glob<{ default: Component }>('/content/*/*.md');

/** The first page a visitor opens, still as the server wrote it, with this lesson in it. */
function prerendered(slug: string): boolean {
	if (firstPageHydrated()) return false;
	const body = document.querySelector(`[data-testid="lesson"][data-slug="${slug}"] .lesson-prose`);
	return body?.firstChild != null;
}

export const load: PageLoad = async ({ data }) => {
	const { sourceLang, slug } = data.lesson;
	const module = modules[`/content/${sourceLang}/${slug}.md`];
	if (!module) throw new Error(`lesson ${sourceLang}/${slug} was not compiled`);
	if (browser && prerendered(slug)) return { ...data, Lesson: undefined };
	return { ...data, Lesson: (await module()).default };
};
