import { flushSync } from 'svelte';
import type { Player } from '$lib/viz/player.svelte';
import { whilePrinting } from '$lib/components/present/print';

export function prefersReducedMotion(): boolean {
	return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Starts the player the first time a third of the element is on screen, and pauses it whenever
 * the element leaves the screen. Under prefers-reduced-motion nothing starts by itself: the
 * animation waits in step mode. On paper (print, PDF) the animation shows its end, the whole
 * computation, not whatever step it had reached; afterwards it is back where it was.
 * Returns the cleanup.
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
		return () => {
			stopPrinting();
			player.destroy();
		};
	}
	let started = false;
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (!started && entry.intersectionRatio >= 0.3) {
					started = true;
					player.play();
				} else if (!entry.isIntersecting) {
					player.pause();
				}
			}
		},
		{ threshold: [0, 0.3] }
	);
	observer.observe(element);
	return () => {
		stopPrinting();
		observer.disconnect();
		player.destroy();
	};
}
