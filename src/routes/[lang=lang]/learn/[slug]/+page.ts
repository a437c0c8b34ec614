import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// Each compiled lesson is its own chunk: a page loads only the lesson it shows.
const modules = import.meta.glob<{ default: Component }>('/content/*/*.md');

export const load: PageLoad = async ({ data }) => {
	const { sourceLang, slug } = data.lesson;
	const module = modules[`/content/${sourceLang}/${slug}.md`];
	if (!module) throw new Error(`lesson ${sourceLang}/${slug} was not compiled`);
	return { ...data, Lesson: (await module()).default };
};
