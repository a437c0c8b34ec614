import { describe, expect, it } from 'vitest';
import { actionForKey, keyBindings, widgetOwnsKey } from '$lib/present/keys';

describe('actionForKey', () => {
	it.each([
		['ArrowRight', 'next'],
		[' ', 'next'],
		['PageDown', 'next'],
		['ArrowLeft', 'prev'],
		['PageUp', 'prev'],
		['Home', 'first'],
		['End', 'last'],
		['Enter', 'enter'],
		['f', 'fullscreen'],
		['F', 'fullscreen'],
		['b', 'black'],
		['.', 'black'],
		['o', 'overview'],
		['?', 'help'],
		['Escape', 'escape'],
		['s', 'presenter'],
		['c', 'contrast'],
		['d', 'pen'],
		['l', 'laser'],
		['e', 'clear-ink']
	])('%j → %s', (key, type) => {
		expect(actionForKey({ key })).toEqual({ type });
	});

	it('reads digits for a jump', () => {
		expect(actionForKey({ key: '7' })).toEqual({ type: 'digit', digit: 7 });
	});

	it('goes back on Shift+Space and leaves browser shortcuts alone', () => {
		expect(actionForKey({ key: ' ', shiftKey: true })).toEqual({ type: 'prev' });
		expect(actionForKey({ key: 'p', ctrlKey: true })).toBeNull();
		expect(actionForKey({ key: 'ArrowLeft', altKey: true })).toBeNull();
		expect(actionForKey({ key: 'f', metaKey: true })).toBeNull();
		expect(actionForKey({ key: 'x' })).toBeNull();
	});

	it('keeps the ink keys off every key a presentation clicker sends', () => {
		// Logitech, Kensington, Targus and no-name USB clickers: page keys, arrows, start and stop of
		// a show, blank screen, and Tab on a few.
		const clicker = ['PageDown', 'PageUp', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
		const more = ['F5', 'Escape', '.', 'b', 'Tab', 'Enter', ' '];
		for (const key of [...clicker, ...more]) {
			const type = actionForKey({ key })?.type;
			expect(['pen', 'laser', 'clear-ink']).not.toContain(type);
		}
		expect(actionForKey({ key: 'F5', shiftKey: true })).toEqual({ type: 'fullscreen' });
	});

	it('binds each key once', () => {
		const keys = keyBindings.flatMap((binding) => binding.keys);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('widgetOwnsKey', () => {
	it('lets sliders keep their arrows but not PageDown from a clicker… unless it is a slider', () => {
		const slider = { tagName: 'INPUT', type: 'range' };
		expect(widgetOwnsKey(slider, 'ArrowRight')).toBe(true);
		expect(widgetOwnsKey(slider, 'b')).toBe(false);
		expect(widgetOwnsKey({ tagName: 'DIV', role: 'slider' }, 'ArrowLeft')).toBe(true);
	});

	it('lets text fields and code cells keep every key but Escape', () => {
		expect(widgetOwnsKey({ tagName: 'INPUT', type: 'text' }, 'ArrowRight')).toBe(true);
		expect(widgetOwnsKey({ tagName: 'TEXTAREA' }, 'f')).toBe(true);
		expect(widgetOwnsKey({ tagName: 'DIV', isContentEditable: true }, ' ')).toBe(true);
		expect(widgetOwnsKey({ tagName: 'DIV', isContentEditable: true }, 'Escape')).toBe(false);
		// A cell's code shown as text until its editor loads.
		expect(widgetOwnsKey({ tagName: 'DIV', role: 'textbox' }, 'ArrowRight')).toBe(true);
		expect(widgetOwnsKey({ tagName: 'DIV', role: 'textbox' }, 'Escape')).toBe(false);
	});

	it('lets buttons keep Space and Enter, and the deck keep the arrows', () => {
		expect(widgetOwnsKey({ tagName: 'BUTTON' }, ' ')).toBe(true);
		expect(widgetOwnsKey({ tagName: 'BUTTON' }, 'ArrowRight')).toBe(false);
		expect(widgetOwnsKey({ tagName: 'BODY' }, ' ')).toBe(false);
		expect(widgetOwnsKey(null, ' ')).toBe(false);
	});
});
