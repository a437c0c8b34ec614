import type { Component } from 'svelte';

/** A compiled lesson: the mdsvex component and its metadata (slideTitles from rehype-slides). */
export interface LessonModule {
	default: Component;
	metadata: { slideTitles?: string[] };
}

const modules = import.meta.glob<LessonModule>('/content/*/*.md');

/** The compiled lesson in content/<lang>/<slug>.md, or null when there is none. */
export async function loadLessonModule(
	lang: string,
	slug: string
): Promise<{ Lesson: Component; slideTitles: string[] } | null> {
	const load = modules[`/content/${lang}/${slug}.md`];
	if (!load) return null;
	const module = await load();
	return { Lesson: module.default, slideTitles: module.metadata.slideTitles ?? [] };
}
