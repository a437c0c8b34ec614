import { flushSync } from 'svelte';
import type { Player } from '$lib/viz/player.svelte';
import { whilePrinting } from '$lib/components/present/print';

export function prefersReducedMotion(): boolean {
	return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Ratios the observer reports at; the last is where an element taller than the screen fills it. */
function thresholds(element: Element): number[] {
	const fill = window.innerHeight / Math.max(1, element.getBoundingClientRect().height);
	return [0, 0.5, Math.min(1, fill) - 0.002, 1].filter((r) => r >= 0).sort((a, b) => a - b);
}

/**
 * Whether an observed element is in full view: all of it, or, if it is taller than the screen,
 * the whole screen's height of it (a pixel of rounding allowed).
 */
export function fullyVisible(entry: {
	isIntersecting: boolean;
	intersectionRect: { height: number };
	boundingClientRect: { height: number };
	rootBounds: { height: number } | null;
}): boolean {
	if (!entry.isIntersecting) return false;
	const room = Math.min(entry.boundingClientRect.height, entry.rootBounds?.height ?? Infinity);
	return entry.intersectionRect.height >= room - 1;
}

/**
 * Plays the animation the first time the element is in full view, and pauses it as soon as it is
 * not: a student scrolling past sees no motion starting at the edge of the screen. An animation
 * paused that way carries on when it is back in full view, unless the student moved it meanwhile.
 * Under prefers-reduced-motion nothing starts by itself: the animation waits in step mode.
 * The element says which (`data-autoplay`: off or on) and, once the observer has judged it, how
 * much of it is in view (`data-view`: none, partial or full), so a test can wait for the decision
 * instead of for time. On paper (print, PDF) the animation shows its end, the whole computation,
 * not whatever step it had reached; afterwards it is back where it was. Returns the cleanup.
 */
export function autoplayWhenVisible(
	element: Element,
	player: Player,
	enabled: boolean
): () => void {
	const stopPrinting = whilePrinting(() => {
		const { t, playing } = player;
		player.jump(player.total);
		flushSync();
		return () => {
			player.seek(t);
			if (playing) player.play();
		};
	});
	if (!enabled || prefersReducedMotion()) {
		element.setAttribute('data-autoplay', 'off');
		return () => {
			stopPrinting();
			player.destroy();
		};
	}
	element.setAttribute('data-autoplay', 'on');
	let started = false;
	let visible = false;
	/** Where the observer paused the player, to resume only from there. */
	let pausedAt: number | null = null;
	const update = (entries: IntersectionObserverEntry[]) => {
		for (const entry of entries) {
			const now = fullyVisible(entry);
			if (now && !visible) {
				if (!started) {
					started = true;
					player.play();
				} else if (pausedAt !== null && pausedAt === player.t && !player.playing) {
					player.play();
				}
				pausedAt = null;
			} else if (!now && visible && player.playing) {
				player.pause();
				pausedAt = player.t;
			}
			visible = now;
			element.setAttribute('data-view', now ? 'full' : entry.isIntersecting ? 'partial' : 'none');
		}
	};
	// The element's height (the figure fits itself to the screen after it mounts) and the window's
	// set the ratio at which it fills the screen: observe again when either changes.
	let observer: IntersectionObserver | null = null;
	const observe = () => {
		observer?.disconnect();
		observer = new IntersectionObserver(update, { threshold: thresholds(element) });
		observer.observe(element);
	};
	const resized = new ResizeObserver(observe);
	resized.observe(element);
	window.addEventListener('resize', observe);
	return () => {
		stopPrinting();
		observer?.disconnect();
		resized.disconnect();
		window.removeEventListener('resize', observe);
		player.destroy();
	};
}
