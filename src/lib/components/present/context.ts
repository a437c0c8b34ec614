import { getContext, setContext } from 'svelte';

const KEY = Symbol('on-slide');

/**
 * Marks what renders below as a slide of a deck: a fixed 960×540 (or 720×540) stage rather than a
 * reading page. LessonSlides sets it; widgets that need a layout of their own on a slide (paged
 * tables) read it. Layout that CSS alone can change uses the `.present-stage` ancestor instead.
 */
export function setOnSlide(): void {
	setContext(KEY, true);
}

/** Whether the component renders on a slide (false on reading pages and the explore pages). */
export function onSlide(): boolean {
	return getContext<boolean | undefined>(KEY) === true;
}
