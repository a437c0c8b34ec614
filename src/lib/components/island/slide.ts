import type { Component, Snippet } from 'svelte';
import SlideClient from './SlideClient.svelte';
import SlideServer from './SlideServer.svelte';

/**
 * A lesson's slide section (src/lib/present/rehype-slides.js groups a lesson into them) as an
 * island: prerendered in full, hydrated section by section as the reader gets near each, so a
 * lesson page does not run every number, note and cell of the lesson while it loads. The section
 * element itself is the island's host, so the page's markup and its CSS stay those of a plain
 * section. Lessons do not write this: src/lib/lessons/mdsvex-plugins.js puts it in.
 */
const Slide: Component<{ index: number; start: string; children: Snippet }> = import.meta.env.SSR
	? SlideServer
	: SlideClient;

export default Slide;
