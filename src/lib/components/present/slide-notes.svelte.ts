import { untrack, type Snippet } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import { deckIndexOfSection } from '$lib/present/outline';
import { slideNotes, slideSection } from './context';

/** The lesson's own text, which a slide with key points does not project, or the teacher's notes. */
export type NoteKind = 'text' | 'teacher';

export interface SlideNote {
	readonly content: Snippet;
	readonly kind: NoteKind;
}

/**
 * The speaker notes of a deck, by slide: each <Notes> block, and each run of prose a slide does not
 * project (<SlideProse>), registers its content with the slide it is on, and the presenter view
 * renders the current slide's, so the deck reads its notes from the lesson's components rather than
 * from the page's markup.
 */
export class SlideNotes {
	#bySlide = new SvelteMap<number, readonly SlideNote[]>();

	/**
	 * Registers a block of notes on a slide; returns its removal. Untracked: a block registers from
	 * an effect, which must not come to depend on the notes it changes.
	 */
	add(slide: number, content: Snippet, kind: NoteKind): () => void {
		const note: SlideNote = { content, kind };
		untrack(() => this.#bySlide.set(slide, [...this.of(slide), note]));
		return () =>
			untrack(() => {
				const left = this.of(slide).filter((other) => other !== note);
				if (left.length > 0) this.#bySlide.set(slide, left);
				else this.#bySlide.delete(slide);
			});
	}

	/** The notes of a slide, in the order they appear in the lesson. */
	of(slide: number): readonly SlideNote[] {
		return this.#bySlide.get(slide) ?? [];
	}
}

/**
 * Registers a block of a lesson's speaker notes with the slide it sits on, for as long as the
 * component that calls this (while it initialises) lives: `<Notes>` (the teacher's) and
 * `<SlideProse>` (the lesson text a slide does not project). Only the presenter's deck collects them.
 */
export function registerNote(content: () => Snippet, kind: NoteKind): void {
	const notes = slideNotes();
	const section = slideSection();
	$effect(() => {
		if (notes && section !== undefined) {
			return notes.add(deckIndexOfSection(section), content(), kind);
		}
	});
}
