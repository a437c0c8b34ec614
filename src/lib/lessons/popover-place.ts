/**
 * Where a glossary term's popover goes: under the term when it fits, above it otherwise, shifted
 * sideways to stay on screen (a phone is barely wider than the popover). Coordinates are the
 * viewport's, as a popover in the top layer is positioned.
 */
export interface Box {
	left: number;
	top: number;
	width: number;
	height: number;
}

export interface Placement {
	left: number;
	top: number;
	side: 'below' | 'above';
}

export function placePopover(
	anchor: Box,
	popover: { width: number; height: number },
	viewport: { width: number; height: number },
	gap = 6,
	margin = 8
): Placement {
	const below = anchor.top + anchor.height + gap;
	const above = anchor.top - gap - popover.height;
	const fitsBelow = below + popover.height <= viewport.height - margin;
	const side = fitsBelow || above < margin ? 'below' : 'above';
	const centred = anchor.left + anchor.width / 2 - popover.width / 2;
	const maxLeft = Math.max(margin, viewport.width - margin - popover.width);
	return {
		left: Math.min(Math.max(margin, centred), maxLeft),
		top: side === 'below' ? below : above,
		side
	};
}
