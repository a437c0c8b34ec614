import { describe, expect, it } from 'vitest';
import { codeOffset, staticKeyAction, type KeyPress } from '$lib/notebook/static-code';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
	key,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	shiftKey: false,
	...mods
});

describe('staticKeyAction', () => {
	it('runs on Mod-Enter and runs and advances on Shift-Enter, as the editor does', () => {
		expect(staticKeyAction(press('Enter', { ctrlKey: true }), false)).toEqual({ kind: 'run' });
		expect(staticKeyAction(press('Enter', { metaKey: true }), true)).toEqual({ kind: 'run' });
		expect(staticKeyAction(press('Enter', { shiftKey: true }), false)).toEqual({
			kind: 'run-and-advance'
		});
		// Ctrl is not Mod on a Mac, nor ⌘ elsewhere.
		expect(staticKeyAction(press('Enter', { ctrlKey: true }), true)).toBeNull();
		expect(staticKeyAction(press('Enter', { metaKey: true }), false)).toBeNull();
		expect(staticKeyAction(press('Enter', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
	});

	it('keeps typed characters and Enter for the editor', () => {
		expect(staticKeyAction(press('x'), false)).toEqual({ kind: 'type', text: 'x' });
		expect(staticKeyAction(press('X', { shiftKey: true }), false)).toEqual({
			kind: 'type',
			text: 'X'
		});
		expect(staticKeyAction(press(' '), false)).toEqual({ kind: 'type', text: ' ' });
		expect(staticKeyAction(press('é'), false)).toEqual({ kind: 'type', text: 'é' });
		expect(staticKeyAction(press('Enter'), false)).toEqual({ kind: 'type', text: '\n' });
	});

	it('leaves navigation and shortcuts alone', () => {
		for (const key of ['Tab', 'ArrowDown', 'Escape', 'Backspace', 'Shift', 'F5']) {
			expect(staticKeyAction(press(key), false), key).toBeNull();
		}
		expect(staticKeyAction(press('c', { ctrlKey: true }), false)).toBeNull();
		expect(staticKeyAction(press('a', { metaKey: true }), true)).toBeNull();
		expect(staticKeyAction(press('x', { altKey: true }), false)).toBeNull();
	});
});

describe('codeOffset', () => {
	const code = 'const a = 1;\n\nshow(a)';

	it('counts the lines above and the column', () => {
		expect(codeOffset(code, 0, 0)).toBe(0);
		expect(codeOffset(code, 0, 6)).toBe(6);
		expect(codeOffset(code, 1, 0)).toBe(13);
		expect(codeOffset(code, 2, 4)).toBe(18);
		expect(code.slice(codeOffset(code, 2, 5))).toBe('a)');
	});

	it('clamps a position past a line or the code to its end', () => {
		expect(codeOffset(code, 0, 99)).toBe(12);
		expect(codeOffset(code, 9, 2)).toBe(16);
		expect(codeOffset(code, -1, -1)).toBe(0);
	});
});
