import { describe, expect, it } from 'vitest';
import { PAGE_ROWS, cellBox, moveChannel } from '../../../src/lib/lab/channel-cursor';
import { gridLayout } from '../../../src/lib/viz/feature-maps';

// 10 channels, 4 per row:  0 1 2 3 / 4 5 6 7 / 8 9
const grid = { cols: 4, count: 10 };

describe('moving over a feature-map grid with the keyboard', () => {
	it('moves left and right through the channels, stopping at the ends', () => {
		expect(moveChannel(0, 'ArrowRight', grid)).toBe(1);
		expect(moveChannel(3, 'ArrowRight', grid)).toBe(4);
		expect(moveChannel(9, 'ArrowRight', grid)).toBe(9);
		expect(moveChannel(4, 'ArrowLeft', grid)).toBe(3);
		expect(moveChannel(0, 'ArrowLeft', grid)).toBe(0);
	});

	it('moves up and down by a row, staying put where the grid ends', () => {
		expect(moveChannel(1, 'ArrowDown', grid)).toBe(5);
		expect(moveChannel(5, 'ArrowDown', grid)).toBe(9);
		// Below 6 there is no channel 10: stay.
		expect(moveChannel(6, 'ArrowDown', grid)).toBe(6);
		expect(moveChannel(9, 'ArrowUp', grid)).toBe(5);
		expect(moveChannel(2, 'ArrowUp', grid)).toBe(2);
	});

	it('jumps with Page keys and goes to the ends with Home and End', () => {
		const big = { cols: 8, count: 256 };
		expect(moveChannel(3, 'PageDown', big)).toBe(3 + 8 * PAGE_ROWS);
		expect(moveChannel(250, 'PageDown', big)).toBe(255);
		expect(moveChannel(10, 'PageUp', big)).toBe(0);
		expect(moveChannel(7, 'Home', grid)).toBe(0);
		expect(moveChannel(2, 'End', grid)).toBe(9);
	});

	it('ignores other keys and repairs an index outside the grid', () => {
		expect(moveChannel(2, 'Enter', grid)).toBeNull();
		expect(moveChannel(2, 'a', grid)).toBeNull();
		expect(moveChannel(40, 'ArrowLeft', grid)).toBe(8);
		expect(moveChannel(0, 'End', { cols: 1, count: 1 })).toBe(0);
	});

	it('places a channel cell as fractions of the grid, matching the drawn layout', () => {
		const layout = gridLayout(10, 14, 14, 720);
		const box = cellBox(5, layout);
		const col = 5 % layout.cols;
		const row = Math.floor(5 / layout.cols);
		expect(box.left * layout.width).toBeCloseTo(col * (layout.cellWidth + layout.gap));
		expect(box.top * layout.height).toBeCloseTo(row * (layout.cellHeight + layout.gap));
		expect(box.width * layout.width).toBeCloseTo(layout.cellWidth);
		expect(box.height * layout.height).toBeCloseTo(layout.cellHeight);
	});
});
