import { describe, expect, it } from 'vitest';
import { keyAction, playerKeydown } from '$lib/viz/keys';

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

	it('drives a player from its figure, and leaves form controls their keys', () => {
		const calls: string[] = [];
		const player = {
			total: 7,
			toggle: () => calls.push('toggle'),
			jump: (t: number) => calls.push(`jump ${t}`)
		};
		const onkeydown = playerKeydown(player, (d) => calls.push(`step ${d}`));
		let prevented = 0;
		const press = (key: string, target: EventTarget | null = null) =>
			onkeydown({ key, target, preventDefault: () => prevented++ });
		for (const key of [' ', 'ArrowRight', 'ArrowUp', 'Home', 'End', 'a']) press(key);
		expect(calls).toEqual(['toggle', 'step 1', 'step -1', 'jump 0', 'jump 7']);
		expect(prevented).toBe(5);
		// A slider inside the figure keeps its arrows.
		const slider = { closest: (selector: string) => (selector.includes('input') ? {} : null) };
		press('ArrowRight', slider as unknown as EventTarget);
		expect(calls).toHaveLength(5);
		expect(prevented).toBe(5);
	});
});
