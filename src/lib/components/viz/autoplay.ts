import type { Player } from '$lib/viz/player.svelte';

export function prefersReducedMotion(): boolean {
	return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Starts the player the first time a third of the element is on screen, and pauses it whenever
 * the element leaves the screen. Under prefers-reduced-motion nothing starts by itself: the
 * animation waits in step mode. Returns the cleanup.
 */
export function autoplayWhenVisible(
	element: Element,
	player: Player,
	enabled: boolean
): () => void {
	if (!enabled || prefersReducedMotion()) return () => player.destroy();
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
		observer.disconnect();
		player.destroy();
	};
}
