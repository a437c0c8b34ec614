import { getContext, setContext } from 'svelte';
import type { SlideNotes } from './slide-notes.svelte';

const ON_SLIDE = Symbol('on-slide');
const SECTION = Symbol('slide-section');
const NOTES = Symbol('slide-notes');

/**
 * Marks what renders below as a slide of a deck: a fixed 960×540 (or 720×540) stage rather than a
 * reading page. LessonSlides sets it; widgets that need a layout of their own on a slide (paged
 * tables) read it. Layout that CSS alone can change uses the `.present-stage` ancestor instead.
 */
export function setOnSlide(): void {
	setContext(ON_SLIDE, true);
}

/** Whether the component renders on a slide (false on reading pages and the explore pages). */
export function onSlide(): boolean {
	return getContext<boolean | undefined>(ON_SLIDE) === true;
}

/**
 * The lesson section (rehype-slides' `data-slide`, counted from 0) that the components below
 * belong to. The section's own component sets it.
 */
export function setSlideSection(index: number): void {
	setContext(SECTION, index);
}

export function slideSection(): number | undefined {
	return getContext<number | undefined>(SECTION);
}

/** Where the speaker notes of the deck below register (the presenter's current slide). */
export function setSlideNotes(notes: SlideNotes): void {
	setContext(NOTES, notes);
}

export function slideNotes(): SlideNotes | undefined {
	return getContext<SlideNotes | undefined>(NOTES);
}
