import { describe, expect, it } from 'vitest';
import { placePopover } from '$lib/lessons/popover-place';

const viewport = { width: 390, height: 844 };
const popover = { width: 320, height: 120 };

describe('a term’s popover', () => {
	it('opens under the term, centred on it', () => {
		const at = placePopover({ left: 150, top: 200, width: 90, height: 20 }, popover, viewport);
		expect(at).toEqual({ left: 35, top: 226, side: 'below' });
	});

	it('opens above when the screen ends below the term', () => {
		const at = placePopover({ left: 150, top: 780, width: 90, height: 20 }, popover, viewport);
		expect(at.side).toBe('above');
		expect(at.top + popover.height).toBeLessThanOrEqual(780);
	});

	it('stays on screen at either edge of a phone', () => {
		const left = placePopover({ left: 2, top: 100, width: 40, height: 20 }, popover, viewport);
		expect(left.left).toBe(8);
		const right = placePopover({ left: 360, top: 100, width: 28, height: 20 }, popover, viewport);
		expect(right.left + popover.width).toBeLessThanOrEqual(viewport.width - 8);
		// Wider than the screen: pinned to the left margin rather than pushed off it.
		expect(
			placePopover(
				{ left: 10, top: 10, width: 10, height: 10 },
				{ width: 500, height: 50 },
				viewport
			).left
		).toBe(8);
	});
});
