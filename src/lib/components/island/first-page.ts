/**
 * Whether the first page a visitor opened has hydrated: every page after it is rendered in the
 * browser, by a client-side navigation. A lesson's code is loaded only then (or for the deck): the
 * first page shows the prerendered lesson as it is (LessonProse). Set by the root layout, whose
 * onMount runs right after the first page hydrates, before any link can be followed.
 */
let hydrated = false;

export function firstPageHydrated(): boolean {
	return hydrated;
}

export function markFirstPageHydrated(): void {
	hydrated = true;
}
