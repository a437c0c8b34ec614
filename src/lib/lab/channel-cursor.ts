/**
 * Keyboard movement over a feature-map grid: channels laid out row by row, `cols` per row
 * (src/lib/viz/feature-maps.ts gridLayout). Arrows move as they look on screen; Page keys jump
 * a few rows; Home and End go to the first and last channel.
 */
export interface ChannelGrid {
	cols: number;
	/** Number of channels. */
	count: number;
}

/** Rows a Page key jumps. */
export const PAGE_ROWS = 4;

/** The channel `key` moves to from `current`, or null for a key the grid does not use. */
export function moveChannel(current: number, key: string, grid: ChannelGrid): number | null {
	const last = Math.max(0, grid.count - 1);
	const cols = Math.max(1, grid.cols);
	const from = Math.min(Math.max(0, current), last);
	switch (key) {
		case 'ArrowRight':
			return Math.min(last, from + 1);
		case 'ArrowLeft':
			return Math.max(0, from - 1);
		// A step that would leave the grid keeps the column (and the channel) where it is.
		case 'ArrowDown':
			return from + cols <= last ? from + cols : from;
		case 'ArrowUp':
			return from - cols >= 0 ? from - cols : from;
		case 'PageDown':
			return Math.min(last, from + cols * PAGE_ROWS);
		case 'PageUp':
			return Math.max(0, from - cols * PAGE_ROWS);
		case 'Home':
			return 0;
		case 'End':
			return last;
		default:
			return null;
	}
}

/** Where a channel's cell sits in the grid, as fractions of its width and height (for an outline). */
export function cellBox(
	channel: number,
	layout: {
		cols: number;
		cellWidth: number;
		cellHeight: number;
		gap: number;
		width: number;
		height: number;
	}
): { left: number; top: number; width: number; height: number } {
	const col = channel % layout.cols;
	const row = Math.floor(channel / layout.cols);
	return {
		left: (col * (layout.cellWidth + layout.gap)) / layout.width,
		top: (row * (layout.cellHeight + layout.gap)) / layout.height,
		width: layout.cellWidth / layout.width,
		height: layout.cellHeight / layout.height
	};
}
