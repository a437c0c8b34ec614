import type { Attachment } from 'svelte/attachments';

/**
 * Hands `set` the font size the element renders at, once it is in the page: a chart lays out its
 * text in the size the reader sees (larger on a slide), not the guess it rendered with on the server.
 */
export function fontSize(set: (px: number) => void): Attachment<HTMLElement> {
	return (element) => {
		const px = parseFloat(getComputedStyle(element).fontSize);
		if (px) set(px);
	};
}
