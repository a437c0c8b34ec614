import { describe, expect, it } from 'vitest';
import { initialState, reduce, type DeckState, type NavAction } from '$lib/present/navigation';

function run(state: DeckState, ...actions: NavAction[]): DeckState {
	return actions.reduce(reduce, state);
}

describe('deck navigation', () => {
	it('moves and stops at both ends', () => {
		const start = initialState(5);
		expect(run(start, { type: 'next' }).index).toBe(1);
		expect(run(start, { type: 'prev' }).index).toBe(0);
		expect(run(start, { type: 'last' }).index).toBe(4);
		expect(run(start, { type: 'last' }, { type: 'next' }).index).toBe(4);
		expect(run(start, { type: 'last' }, { type: 'first' }).index).toBe(0);
	});

	it('clamps the starting slide', () => {
		expect(initialState(5, 9).index).toBe(4);
		expect(initialState(5, -2).index).toBe(0);
		expect(initialState(0, 3).index).toBe(0);
	});

	it('jumps to a typed number on Enter', () => {
		const state = run(initialState(20), { type: 'digit', digit: 1 }, { type: 'digit', digit: 2 });
		expect(state.typed).toBe('12');
		expect(state.index).toBe(0);
		const jumped = reduce(state, { type: 'enter' });
		expect(jumped.index).toBe(11);
		expect(jumped.typed).toBe('');
	});

	it('clamps a jump past the end and forgets digits on other moves', () => {
		const state = initialState(3);
		expect(run(state, { type: 'digit', digit: 9 }, { type: 'enter' }).index).toBe(2);
		expect(run(state, { type: 'digit', digit: 0 }, { type: 'enter' }).index).toBe(0);
		expect(run(state, { type: 'digit', digit: 2 }, { type: 'next' }).typed).toBe('');
		expect(run(state, { type: 'digit', digit: 2 }, { type: 'escape' })).toEqual(state);
		expect(
			run(state, { type: 'digit', digit: 2 }, { type: 'digit', digit: 3 }, { type: 'backspace' })
				.typed
		).toBe('2');
	});

	it('blacks out and comes back on the same slide', () => {
		const black = run(initialState(5, 2), { type: 'black' });
		expect(black.black).toBe(true);
		const back = reduce(black, { type: 'next' });
		expect(back).toMatchObject({ black: false, index: 2 });
		expect(run(black, { type: 'black' }).black).toBe(false);
		expect(run(black, { type: 'escape' }).black).toBe(false);
	});

	it('opens the overview, moves in it, and closes with Enter or Escape', () => {
		const open = run(initialState(5), { type: 'overview' });
		expect(open.overview).toBe(true);
		const moved = run(open, { type: 'next' }, { type: 'next' });
		expect(moved).toMatchObject({ overview: true, index: 2 });
		expect(reduce(moved, { type: 'enter' })).toMatchObject({ overview: false, index: 2 });
		expect(reduce(moved, { type: 'escape' }).overview).toBe(false);
		expect(reduce(moved, { type: 'overview' }).overview).toBe(false);
	});

	it('closes help with the first key and still acts on a navigation key', () => {
		const help = run(initialState(5), { type: 'help' });
		expect(help.help).toBe(true);
		expect(reduce(help, { type: 'escape' })).toMatchObject({ help: false, index: 0 });
		expect(reduce(help, { type: 'help' }).help).toBe(false);
		expect(reduce(help, { type: 'next' })).toMatchObject({ help: false, index: 1 });
	});

	it('goes to a slide from the overview or the other window', () => {
		expect(run(initialState(5), { type: 'black' }, { type: 'goto', index: 3 })).toMatchObject({
			index: 3,
			black: false
		});
		expect(reduce(initialState(5), { type: 'goto', index: 99 }).index).toBe(4);
	});
});
