import { readingIndex } from '$lib/lessons/reading';

/**
 * Follows the part of a lesson being read (src/lib/lessons/reading.ts) as the reader scrolls,
 * once a frame, and tells `onChange` each time (undefined before the first part). The parts are
 * looked up at each frame, not once: after a client-side navigation a lesson's body can render
 * after the component that follows it has mounted. Returns the stop.
 */
export function followReading(
	parts: () => ArrayLike<HTMLElement>,
	onChange: (part: HTMLElement | undefined) => void
): () => void {
	let frame = 0;
	const update = () => {
		frame = 0;
		const list = Array.from(parts());
		const root = document.documentElement;
		const atEnd = window.scrollY > 0 && window.scrollY + innerHeight >= root.scrollHeight - 2;
		const tops = list.map(topOf);
		onChange(list[readingIndex(tops, innerHeight / 3, atEnd)]);
	};
	const schedule = () => {
		frame ||= requestAnimationFrame(update);
	};
	schedule();
	window.addEventListener('scroll', schedule, { passive: true });
	window.addEventListener('resize', schedule);
	return () => {
		cancelAnimationFrame(frame);
		window.removeEventListener('scroll', schedule);
		window.removeEventListener('resize', schedule);
	};
}

/**
 * An element's top on screen. For one inside a lesson section the browser is skipping (off screen,
 * `content-visibility: auto`), its section's top, which is as far off screen: measuring the element
 * itself would lay the whole section out, on every frame that follows the reader.
 */
function topOf(part: HTMLElement): number {
	const section = part.parentElement?.closest<HTMLElement>('section.slide');
	if (section) {
		const box = section.getBoundingClientRect();
		if (box.bottom < 0 || box.top > innerHeight) return box.top;
	}
	return part.getBoundingClientRect().top;
}
