/**
 * A deck is the lesson's title slide, then the lesson's own sections (one per slide, numbered by
 * rehype-slides as data-slide 0, 1, …), then a references slide when the lesson cites anything.
 */
export const slidesBeforeLesson = 1;

/** One title per slide of the deck, for labels, the overview and the presenter's "next". */
export function deckTitles(
	lessonTitle: string,
	sectionTitles: readonly string[],
	referencesTitle: string | null
): string[] {
	return [
		lessonTitle,
		...sectionTitles.map((title) => title || lessonTitle),
		...(referencesTitle === null ? [] : [referencesTitle])
	];
}

/** The deck index of a lesson section (its data-slide), for the reading page's Present link. */
export function deckIndexOfSection(section: number): number {
	return Math.max(0, Math.trunc(section)) + slidesBeforeLesson;
}
