/**
 * Which part of a page is being read: the last whose top has passed a line a third of the way
 * down the screen (where a reader's eyes rest), or the last of all once the page is scrolled to its
 * end, however short that part is. -1 before the first part.
 */
export function readingIndex(tops: readonly number[], line: number, atEnd: boolean): number {
	if (atEnd && tops.length > 0) return tops.length - 1;
	let reading = -1;
	for (const [index, top] of tops.entries()) {
		if (top > line) break;
		reading = index;
	}
	return reading;
}
