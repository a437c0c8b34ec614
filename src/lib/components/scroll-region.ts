import type { Attachment } from 'svelte/attachments';
import { hiddenSides } from '$lib/lessons/scroll-sides';

/**
 * Boxes the browser has not laid out yet: a lesson section away from the viewport is skipped
 * (content-visibility) until the reader comes near it, and measuring a box in it would lay the
 * section out. On a phone at Lighthouse's CPU slowdown that cost 100–300 ms per box while the page
 * loaded. A reader who scrolls or jumps to a box has it laid out, and the observer measures it then;
 * a keyboard reaches boxes in any order, so the first Tab measures every box left.
 */
const unmeasured = new Set<() => void>();

function measureBeforeTab(event: KeyboardEvent) {
	// Before the browser moves the focus, so that a box found to scroll takes its turn in the order.
	if (event.key === 'Tab') for (const update of [...unmeasured]) update();
}

function waitForMeasure(update: () => void) {
	if (unmeasured.size === 0) document.addEventListener('keydown', measureBeforeTab, true);
	unmeasured.add(update);
}

function measured(update: () => void) {
	if (unmeasured.delete(update) && unmeasured.size === 0) {
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
		const update = () => {
			measured(update);
			const hidden = hiddenSides(box.scrollLeft, box.scrollWidth, box.clientWidth);
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
		};
		// The observer reports the box once it is laid out (at once, unless its section is skipped),
		// then each change.
		const resized = new ResizeObserver(update);
		resized.observe(box);
		for (const child of box.children) resized.observe(child);
		box.addEventListener('scroll', update, { passive: true });
		waitForMeasure(update);
		return () => {
			measured(update);
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
