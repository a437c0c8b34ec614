/** What a key press asks the deck to do. */
export type DeckCommand =
	| 'next'
	| 'prev'
	| 'first'
	| 'last'
	| 'enter'
	| 'backspace'
	| 'fullscreen'
	| 'black'
	| 'overview'
	| 'help'
	| 'escape'
	| 'presenter'
	| 'contrast'
	| 'aspect'
	| 'pen'
	| 'laser'
	| 'clear-ink';

export type DeckAction = { type: DeckCommand } | { type: 'digit'; digit: number };

export interface KeyInput {
	key: string;
	shiftKey?: boolean;
	ctrlKey?: boolean;
	altKey?: boolean;
	metaKey?: boolean;
}

/**
 * The key map, in the order the help dialog lists it. `keys` are KeyboardEvent.key values.
 * USB clickers send PageDown / PageUp, and some send "." or B, F5 / Shift+F5 and Escape for their
 * blank, start and stop buttons (a few send arrows, or Tab): the ink keys are letters none of them
 * sends. E clears a slide's ink, as in PowerPoint.
 */
export const keyBindings: readonly { command: DeckCommand; keys: readonly string[] }[] = [
	{ command: 'next', keys: ['ArrowRight', ' ', 'PageDown', 'ArrowDown', 'n'] },
	{ command: 'prev', keys: ['ArrowLeft', 'PageUp', 'ArrowUp', 'p'] },
	{ command: 'first', keys: ['Home'] },
	{ command: 'last', keys: ['End'] },
	{ command: 'enter', keys: ['Enter'] },
	{ command: 'fullscreen', keys: ['f', 'F5'] },
	{ command: 'black', keys: ['b', '.'] },
	{ command: 'overview', keys: ['o'] },
	{ command: 'presenter', keys: ['s'] },
	{ command: 'contrast', keys: ['c'] },
	{ command: 'aspect', keys: ['a'] },
	{ command: 'pen', keys: ['d'] },
	{ command: 'laser', keys: ['l'] },
	{ command: 'clear-ink', keys: ['e'] },
	{ command: 'help', keys: ['?'] },
	{ command: 'escape', keys: ['Escape'] },
	{ command: 'backspace', keys: ['Backspace'] }
];

const byKey = new Map<string, DeckCommand>(
	keyBindings.flatMap(({ command, keys }) => keys.map((key) => [key, command] as const))
);

/** The deck action for a key press, or null when the deck should leave the key alone. */
export function actionForKey(input: KeyInput): DeckAction | null {
	// Browser and system shortcuts (Ctrl+P, Cmd+R, Alt+←) keep working.
	if (input.ctrlKey || input.altKey || input.metaKey) return null;
	if (/^[0-9]$/.test(input.key)) return { type: 'digit', digit: Number(input.key) };
	// Shift+Space goes back, as in every slide program.
	if (input.key === ' ' && input.shiftKey) return { type: 'prev' };
	const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
	const command = byKey.get(key);
	return command ? { type: command } : null;
}

export interface FocusTarget {
	tagName: string;
	type?: string;
	isContentEditable?: boolean;
	role?: string | null;
}

const textInputTypes = new Set([
	'text',
	'search',
	'email',
	'url',
	'tel',
	'password',
	'number',
	'date',
	'time'
]);

/**
 * Whether a focused widget needs this key itself: typing in a text field or a code cell, arrows on a
 * slider or a select, Space and Enter on a button. Escape always reaches the deck.
 */
export function widgetOwnsKey(target: FocusTarget | null, key: string): boolean {
	if (!target || key === 'Escape') return false;
	const tag = target.tagName.toLowerCase();
	// role=textbox: a cell's code before its editor has loaded, which becomes the editor at a key.
	if (target.isContentEditable || tag === 'textarea' || target.role === 'textbox') return true;
	if (tag === 'select') return true;
	if (tag === 'input') {
		const type = (target.type ?? 'text').toLowerCase();
		if (textInputTypes.has(type)) return true;
		if (type === 'range')
			return key.startsWith('Arrow') || key === 'Home' || key === 'End' || key.startsWith('Page');
		return key === ' ' || key === 'Enter';
	}
	if (target.role === 'slider' || target.role === 'spinbutton') {
		return key.startsWith('Arrow') || key === 'Home' || key === 'End' || key.startsWith('Page');
	}
	if (tag === 'button' || tag === 'summary' || tag === 'a' || target.role === 'button') {
		return key === ' ' || key === 'Enter';
	}
	return false;
}
