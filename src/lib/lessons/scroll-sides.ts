/** Which sides of a sideways-scrolling box hide part of its content. */
export type HiddenSides = 'none' | 'start' | 'end' | 'both';

/**
 * The sides of a box scrolled `scrollLeft` px into content `scrollWidth` px wide, seen through
 * `clientWidth` px, behind which content is hidden. Browsers round widths to whole pixels while
 * scrollLeft may be fractional, hence the pixel of slack.
 */
export function hiddenSides(
	scrollLeft: number,
	scrollWidth: number,
	clientWidth: number
): HiddenSides {
	const start = scrollLeft > 1;
	const end = scrollLeft + clientWidth < scrollWidth - 1;
	return start && end ? 'both' : start ? 'start' : end ? 'end' : 'none';
}
