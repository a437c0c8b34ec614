import type { Attachment } from 'svelte/attachments';
import { hiddenSides } from '$lib/lessons/scroll-sides';
import { whenIdle } from './idle';

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
		// The observer reports the box once it is laid out, then each change. A box in a lesson
		// section the browser skips while off screen (content-visibility) is laid out only when
		// measured: that waits for an idle moment, one box per callback, so that a keyboard can reach
		// every region without the page laying out the whole lesson while it loads.
		const resized = new ResizeObserver(update);
		resized.observe(box);
		for (const child of box.children) resized.observe(child);
		box.addEventListener('scroll', update, { passive: true });
		const cancelIdle = whenIdle(update);
		return () => {
			cancelIdle();
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
