/**
 * The code editor of a cell: CodeMirror 6 with JavaScript highlighting, line numbers, undo
 * history and the notebook's keys. Loaded on demand (dynamic import) when the student starts
 * editing, so lesson pages stay light; until then the cell shows its code as plain text laid out
 * like this editor (Cell.svelte). Colours come from CSS variables, so the editor follows the
 * site's light and dark themes.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import {
	HighlightStyle,
	bracketMatching,
	indentOnInput,
	indentUnit,
	syntaxHighlighting
} from '@codemirror/language';
import { EditorState, Prec, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
	Decoration,
	type DecorationSet,
	EditorView,
	drawSelection,
	highlightActiveLine,
	highlightActiveLineGutter,
	highlightSpecialChars,
	keymap,
	lineNumbers
} from '@codemirror/view';
import { tags } from '@lezer/highlight';

const highlight = HighlightStyle.define([
	{
		tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.modifier],
		color: 'var(--code-keyword)'
	},
	{ tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--code-string)' },
	{ tag: [tags.number, tags.bool, tags.null], color: 'var(--code-number)' },
	{
		tag: [tags.comment, tags.lineComment, tags.blockComment],
		color: 'var(--code-comment)',
		fontStyle: 'italic'
	},
	{
		tag: [tags.function(tags.variableName), tags.function(tags.propertyName)],
		color: 'var(--code-function)'
	},
	{ tag: [tags.definition(tags.variableName)], color: 'var(--code-definition)' },
	{ tag: tags.invalid, color: 'var(--error-text)' }
]);

const theme = EditorView.theme({
	'&': { color: 'var(--text)', backgroundColor: 'var(--code-bg)', fontSize: '0.92rem' },
	'.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--text)', padding: '0.5rem 0' },
	'.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
	'.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', border: 'none' },
	'.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--code-active)' },
	'&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
	'&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
	'&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
		backgroundColor: 'var(--code-selection)'
	},
	'.cm-matchingBracket': {
		backgroundColor: 'var(--code-selection)',
		outline: '1px solid var(--muted)'
	},
	// The cursor's line is marked only while the student is in the editor.
	'&:not(.cm-focused) .cm-activeLine, &:not(.cm-focused) .cm-activeLineGutter': {
		backgroundColor: 'transparent'
	},
	// As specific as the rule above, and later, so an error shows on the cursor's line too.
	'&:not(.cm-focused) .cm-errorLine, &.cm-focused .cm-errorLine': {
		backgroundColor: 'var(--error-bg)'
	}
});

/** The line an error points at, marked until the code changes or the cell runs again. */
const setErrorLine = StateEffect.define<number | null>();
const errorLine: Extension = StateField.define<DecorationSet>({
	create: () => Decoration.none,
	update(marks, transaction) {
		if (transaction.docChanged) marks = Decoration.none;
		for (const effect of transaction.effects) {
			if (!effect.is(setErrorLine)) continue;
			const line = effect.value;
			const doc = transaction.state.doc;
			marks =
				line !== null && line >= 1 && line <= doc.lines
					? Decoration.set([Decoration.line({ class: 'cm-errorLine' }).range(doc.line(line).from)])
					: Decoration.none;
		}
		return marks;
	},
	provide: (field) => EditorView.decorations.from(field)
});

export interface EditorOptions {
	parent: HTMLElement;
	code: string;
	label: string;
	/** id of an element that describes the keys. */
	describedBy: string;
	onChange(code: string): void;
	onRun(): void;
	onRunAndAdvance(): void;
}

export interface CellEditor {
	/** Replaces the text (Reset, a solution) as one undoable change. */
	setCode(code: string): void;
	/** Marks the line (1-based) an error points at; null clears it. */
	markError(line: number | null): void;
	/** Focuses the editor, with the caret at `caret` (an offset in the code) when given. */
	focus(caret?: number): void;
	/** Types text at the caret, as the student would (one undoable step). */
	type(text: string): void;
	destroy(): void;
}

export function createEditor(options: EditorOptions): CellEditor {
	const run = (action: () => void) => () => {
		action();
		return true;
	};
	const view = new EditorView({
		parent: options.parent,
		state: EditorState.create({
			doc: options.code,
			extensions: [
				Prec.highest(
					keymap.of([
						{ key: 'Mod-Enter', run: run(options.onRun) },
						{ key: 'Shift-Enter', run: run(options.onRunAndAdvance) }
					])
				),
				lineNumbers(),
				highlightActiveLineGutter(),
				highlightSpecialChars(),
				history(),
				drawSelection(),
				indentOnInput(),
				indentUnit.of('\t'),
				EditorState.tabSize.of(4),
				bracketMatching(),
				highlightActiveLine(),
				keymap.of([...defaultKeymap, ...historyKeymap]),
				javascript(),
				syntaxHighlighting(highlight),
				theme,
				errorLine,
				EditorView.contentAttributes.of({
					'aria-label': options.label,
					'aria-describedby': options.describedBy
				}),
				EditorView.updateListener.of((update) => {
					if (update.docChanged) options.onChange(update.state.doc.toString());
				})
			]
		})
	});
	return {
		setCode(code) {
			const current = view.state.doc.toString();
			if (current !== code)
				view.dispatch({ changes: { from: 0, to: current.length, insert: code } });
		},
		markError: (line) => view.dispatch({ effects: setErrorLine.of(line) }),
		focus(caret) {
			if (caret !== undefined) {
				view.dispatch({ selection: { anchor: Math.min(caret, view.state.doc.length) } });
			}
			view.focus();
		},
		type(text) {
			view.dispatch({
				...view.state.replaceSelection(text),
				userEvent: 'input.type',
				scrollIntoView: true
			});
		},
		destroy: () => view.destroy()
	};
}
