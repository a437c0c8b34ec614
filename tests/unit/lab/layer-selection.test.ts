import { describe, expect, it } from 'vitest';
import { LayerSelection } from '../../../src/lib/lab/layer-selection.svelte';

describe('the open layer', () => {
	it('opens from the strip, table or chart, telling the maps to come into view', () => {
		const s = new LayerSelection();
		const reveals: string[] = [];
		const stop = s.onReveal((name, opener) => reveals.push(`${opener}:${name}`));
		expect(s.name).toBeNull();
		s.open('conv_dw_2', 'table');
		expect([s.name, s.opener]).toEqual(['conv_dw_2', 'table']);
		s.open('conv_pw_3', 'chart');
		s.open('conv1', 'strip');
		expect(reveals).toEqual(['table:conv_dw_2', 'chart:conv_pw_3', 'strip:conv1']);
		stop();
		s.open('conv_dw_4', 'table');
		expect(reveals).toHaveLength(3);
	});

	it('"back" calls whoever listens now, with the layer and where it was opened from', () => {
		const s = new LayerSelection();
		s.open('conv_pw_3', 'chart');
		// Registered after the opening: it hears only what happens from now on.
		const returns: string[] = [];
		s.onReturn((name, opener) => returns.push(`${opener}:${name}`));
		expect(returns).toEqual([]);
		s.back();
		expect(returns).toEqual(['chart:conv_pw_3']);
	});

	it('the picker opens without asking anything to move; there is nowhere to go back to', () => {
		const s = new LayerSelection();
		let calls = 0;
		s.onReveal(() => calls++);
		s.onReturn(() => calls++);
		s.pick('conv1');
		expect([s.name, s.opener]).toEqual(['conv1', 'maps']);
		s.back();
		expect(calls).toBe(0);
		s.close();
		expect(s.name).toBeNull();
	});
});
