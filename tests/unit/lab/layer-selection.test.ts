import { describe, expect, it } from 'vitest';
import { LayerSelection } from '../../../src/lib/lab/layer-selection.svelte';

describe('the open layer', () => {
	it('opens from the table or chart, asking the maps to come into view', () => {
		const s = new LayerSelection();
		expect(s.name).toBeNull();
		s.open('conv_dw_2', 'table');
		expect([s.name, s.opener, s.reveals]).toEqual(['conv_dw_2', 'table', 1]);
		s.open('conv_pw_3', 'chart');
		expect([s.name, s.opener, s.reveals]).toEqual(['conv_pw_3', 'chart', 2]);
		s.back();
		expect(s.returns).toBe(1);
	});

	it('toggles from the maps themselves without scrolling anything', () => {
		const s = new LayerSelection();
		s.toggle('conv1');
		expect([s.name, s.opener, s.reveals]).toEqual(['conv1', 'maps', 0]);
		// Nowhere to go back to.
		s.back();
		expect(s.returns).toBe(0);
		s.toggle('conv1');
		expect(s.name).toBeNull();
	});
});
