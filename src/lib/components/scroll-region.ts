import type { Attachment } from 'svelte/attachments';
import { hiddenSides, type HiddenSides } from '$lib/lessons/scroll-sides';

/** A scroll region: the sides where it hides content, and showing them (see scrollRegion). */
interface Region {
	measure(): HiddenSides;
	show(hidden: HiddenSides): void;
}

/**
 * Every region on the page, and those not measured since they were made or the window's width
 * changed. A lesson section away from the viewport is skipped (content-visibility) until the
 * reader comes near it, and no observer reports a box in it; measuring one lays its section out,
 * 100–300 ms per section at Lighthouse's phone CPU slowdown. So a region waits until its section
 * is laid out and its observer reports it, or until the first Tab: the keyboard can move the focus
 * past a section that was never laid out, and that Tab pays for laying those sections out.
 */
const regions = new Set<Region>();
const unmeasured = new Set<Region>();
let width = 0;

function measureBeforeTab(event: KeyboardEvent) {
	// Before the browser moves the focus, so that a region found to scroll takes its turn in the order.
	if (event.key !== 'Tab' || unmeasured.size === 0) return;
	// Every read, then every write: a write between two reads would lay the page out again.
	const found = [...unmeasured].map((region) => [region, region.measure()] as const);
	for (const [region, hidden] of found) region.show(hidden);
}

function widthChanged() {
	if (innerWidth === width) return;
	width = innerWidth;
	// Observers report the regions laid out; the others wait for the reader or the next Tab again.
	for (const region of regions) unmeasured.add(region);
}

function track(region: Region) {
	if (regions.size === 0) {
		width = innerWidth;
		addEventListener('resize', widthChanged);
		document.addEventListener('keydown', measureBeforeTab, true);
	}
	regions.add(region);
	unmeasured.add(region);
}

function untrack(region: Region) {
	regions.delete(region);
	unmeasured.delete(region);
	if (regions.size === 0) {
		removeEventListener('resize', widthChanged);
		document.removeEventListener('keydown', measureBeforeTab, true);
	}
}

/**
 * A box that scrolls sideways when its content is wider than the screen (a display equation or a
 * table on a phone). While it does, it is a labelled region in the tab order, so a keyboard can
 * scroll it (WCAG's scrollable-region-focusable), and `data-hidden` names the sides that hide
 * content, for the fades in app.css that tell a reader there is more. When everything fits, it is
 * an ordinary box again, with no tab stop.
 */
export function scrollRegion(label: () => string): Attachment<HTMLElement> {
	return (box) => {
		const region: Region = {
			measure: () => hiddenSides(box.scrollLeft, box.scrollWidth, box.clientWidth),
			show(hidden) {
				unmeasured.delete(region);
				box.dataset.hidden = hidden;
				if (hidden === 'none') {
					if (box.hasAttribute('data-scroll-region')) {
						box.removeAttribute('data-scroll-region');
						box.removeAttribute('tabindex');
						box.removeAttribute('role');
						box.removeAttribute('aria-label');
					}
				} else if (!box.hasAttribute('data-scroll-region')) {
					box.setAttribute('data-scroll-region', '');
					box.tabIndex = 0;
					box.setAttribute('role', 'region');
					box.setAttribute('aria-label', label());
				}
			}
		};
		const update = () => region.show(region.measure());
		// The observer reports the box once it is laid out (at once, unless its section is skipped),
		// then each change.
		const resized = new ResizeObserver(update);
		resized.observe(box);
		for (const child of box.children) resized.observe(child);
		box.addEventListener('scroll', update, { passive: true });
		track(region);
		return () => {
			untrack(region);
			resized.disconnect();
			box.removeEventListener('scroll', update);
		};
	};
}

/** scrollRegion for every display equation inside the element (KaTeX writes them at build time). */
export function scrollingMath(label: () => string): Attachment<HTMLElement> {
	return (root) => {
		const attach = scrollRegion(label);
		const cleanups = [...root.querySelectorAll<HTMLElement>('.katex-display')].map((box) =>
			attach(box)
		);
		return () => cleanups.forEach((cleanup) => cleanup?.());
	};
}
