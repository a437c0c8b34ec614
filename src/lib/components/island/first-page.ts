/**
 * Whether the first page a visitor opened has hydrated: every page after it is rendered in the
 * browser, by a client-side navigation. A lesson's code is loaded only then (or for the deck): the
 * first page shows the prerendered lesson as it is (LessonProse). Set by the root layout's onMount,
 * which runs after its children's: a page that navigates from its own onMount does so before it,
 * which is why the lesson page also checks that its prerendered lesson is there (+page.ts).
 */
let hydrated = false;

export function firstPageHydrated(): boolean {
	return hydrated;
}

export function markFirstPageHydrated(): void {
	hydrated = true;
}
