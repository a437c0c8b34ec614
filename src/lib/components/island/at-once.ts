import { getContext, setContext } from 'svelte';

const KEY = Symbol('slides-at-once');

/**
 * Called by the slide deck: it shows the lesson's sections one at a time and fits each to the
 * stage, so their content hydrates with the deck, as a page would, not as a reader gets near.
 */
export function hydrateSlidesAtOnce(): void {
	setContext(KEY, true);
}

export function slidesAtOnce(): boolean {
	return getContext<boolean | undefined>(KEY) === true;
}
