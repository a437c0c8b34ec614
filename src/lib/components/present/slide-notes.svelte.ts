import { untrack, type Snippet } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';

/**
 * The speaker notes of a deck, by slide: each <Notes> block registers its content with the slide
 * it is on, and the presenter view renders the current slide's, so the deck reads its notes from
 * the lesson's components rather than from the page's markup.
 */
export class SlideNotes {
	#bySlide = new SvelteMap<number, readonly Snippet[]>();

	/**
	 * Registers a block of notes on a slide; returns its removal. Untracked: a <Notes> registers
	 * from an effect, which must not come to depend on the notes it changes.
	 */
	add(slide: number, notes: Snippet): () => void {
		untrack(() => this.#bySlide.set(slide, [...this.of(slide), notes]));
		return () =>
			untrack(() => {
				const left = this.of(slide).filter((other) => other !== notes);
				if (left.length > 0) this.#bySlide.set(slide, left);
				else this.#bySlide.delete(slide);
			});
	}

	/** The notes of a slide, in the order they appear in the lesson. */
	of(slide: number): readonly Snippet[] {
		return this.#bySlide.get(slide) ?? [];
	}
}
