import { countReadingUnits } from '../lessons/reading-time';

/**
 * The word budget of a projected slide (issue #18): a slide states its point briefly, so a deck
 * projects a median of at most 40 words a slide and never more than 80, in every language; and at
 * least 80% of the lesson's own slides carry something to look at.
 */
export const SLIDE_WORDS_MEDIAN = 40;
export const SLIDE_WORDS_MAX = 80;
export const VISUAL_SHARE_MIN = 0.8;

/**
 * Projected words: alphabetic words as words; Chinese and Korean, which do not space their words,
 * at two characters a word (as the issue measured them).
 */
export function projectedWords(text: string): number {
	const { words, han, hangul } = countReadingUnits(text);
	return words + Math.round((han + hangul) / 2);
}

/** What a slide shows, as a deck's HTML gives it. */
export interface ProjectedSlide {
	/** Title slide, the lesson's own slides, or the references slide. */
	kind: 'title' | 'lesson' | 'references';
	/** The text it projects: speaker notes, tables, code, math and widget controls left out. */
	text: string;
	/** A figure, chart, display formula, table, code or live widget. */
	visual: boolean;
}

export interface DeckBudget {
	slides: number;
	median: number;
	max: number;
	/** Share of the lesson's own slides (not the title and references slides) with a visual. */
	visualShare: number;
	/** Share of all slides with a visual: reported (test-output/slide-budget.json), not a budget. */
	visualShareAll: number;
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	if (sorted.length === 0) return 0;
	return sorted.length % 2 === 1
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Words and visuals of any number of slides (one deck, or every deck of a language). The title and
 * references slides count for words; the visual share is of the lesson's own slides, since a title
 * and a reference list are not where a lesson shows anything.
 */
export function deckBudget(slides: readonly ProjectedSlide[]): DeckBudget {
	const words = slides.map((slide) => projectedWords(slide.text));
	const lesson = slides.filter((slide) => slide.kind === 'lesson');
	const share = (list: readonly ProjectedSlide[]) =>
		list.length === 0 ? 1 : list.filter((slide) => slide.visual).length / list.length;
	return {
		slides: slides.length,
		median: median(words),
		max: Math.max(0, ...words),
		visualShare: share(lesson),
		visualShareAll: share(slides)
	};
}
