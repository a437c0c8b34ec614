/**
 * A cell shows its code as plain text until the student starts editing; only then does the editor
 * (CodeMirror) load. These helpers decide what a key pressed on that text does meanwhile, and where
 * a click in it puts the caret once the editor is there.
 */

export interface KeyPress {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	shiftKey: boolean;
}

export type StaticKeyAction =
	| { kind: 'run' }
	| { kind: 'run-and-advance' }
	/** Text to insert once the editor has loaded, so nothing typed meanwhile is lost. */
	| { kind: 'type'; text: string };

/**
 * The editor's own keys, with the same modifiers (Mod is ⌘ on a Mac, Ctrl elsewhere), and plain
 * typing. Anything else (Tab, arrows, shortcuts) keeps its usual meaning.
 */
export function staticKeyAction(press: KeyPress, mac: boolean): StaticKeyAction | null {
	const mod = mac ? press.metaKey : press.ctrlKey;
	const other = mac ? press.ctrlKey : press.metaKey;
	if (press.altKey || other) return null;
	if (press.key === 'Enter') {
		if (mod && !press.shiftKey) return { kind: 'run' };
		if (press.shiftKey && !mod) return { kind: 'run-and-advance' };
		return mod ? null : { kind: 'type', text: '\n' };
	}
	if (mod || [...press.key].length !== 1) return null;
	return { kind: 'type', text: press.key };
}

/** The offset in the code of a position given as a 0-based line and a column in that line. */
export function codeOffset(code: string, line: number, column: number): number {
	const lines = code.split('\n');
	const row = Math.min(Math.max(line, 0), lines.length - 1);
	let offset = 0;
	for (let i = 0; i < row; i++) offset += (lines[i] as string).length + 1;
	return offset + Math.min(Math.max(column, 0), (lines[row] as string).length);
}
