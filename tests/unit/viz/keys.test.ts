import { describe, expect, it } from 'vitest';
import { keyAction } from '$lib/viz/keys';

describe('animation keys', () => {
	it('space toggles, arrows step both ways, Home and End jump, other keys pass', () => {
		const calls: string[] = [];
		const actions = {
			toggle: () => calls.push('toggle'),
			step: (d: 1 | -1) => calls.push(`step ${d}`),
			start: () => calls.push('start'),
			end: () => calls.push('end')
		};
		for (const key of [' ', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End']) {
			keyAction(key, actions)?.();
		}
		expect(calls).toEqual(['toggle', 'step 1', 'step 1', 'step -1', 'step -1', 'start', 'end']);
		expect(keyAction('a', actions)).toBeNull();
		expect(keyAction('Enter', actions)).toBeNull();
	});
});
