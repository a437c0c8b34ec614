/**
 * Turns a cell's source into the body of an async function the worker runs.
 *
 * Notebook state: every name a cell declares at its top level (const, let, var, function,
 * class, destructured names included) is handed to the runtime when the cell finishes, which
 * makes it a global of the worker, so later cells read it as a plain name. A cell that declares
 * the same name again shadows it inside itself and replaces it when it finishes: re-running a
 * cell never fails with "already declared", unlike top-level `let` in a shared global script.
 *
 * The body keeps the cell's line numbers: nothing is inserted before line 1 except a
 * "use strict" directive on the same line, so a runtime error's line in the stack is the cell's
 * line plus the constant offset of the engine's function header (see errors.ts).
 */
import { parse, type Node, type Pattern, type Program, type Statement } from 'acorn';

/** The one parameter of a compiled cell: where the cell hands back its value and its names. */
export const RUNTIME_PARAM = '__separable';
export const STRICT_PREFIX = '"use strict";';

export interface CompiledCell {
	body: string;
	/** Top-level names the cell hands to later cells. */
	exports: string[];
	/** Top-level names left local because they would replace a built-in (tf, show, …). */
	shadowed: string[];
	/** Text inserted to capture a trailing expression: shifts later columns on its line. */
	insertion: Insertion | null;
}

/** `length` characters inserted in the body at `line`, before body column `column` (1-based). */
export interface Insertion {
	line: number;
	column: number;
	length: number;
}

export interface SourcePosition {
	/** 1-based, in the cell's own lines. */
	line: number;
	/** 1-based. */
	column: number;
}

export type CompileError =
	({ kind: 'syntax'; message: string } & SourcePosition) | ({ kind: 'import' } & SourcePosition);

export type CompileResult = { ok: true; cell: CompiledCell } | { ok: false; error: CompileError };

/** Names a cell declares at its top level, in order of declaration. */
export function declaredNames(program: Program): string[] {
	const names: string[] = [];
	for (const statement of program.body) {
		for (const name of statementNames(statement)) {
			if (!names.includes(name)) names.push(name);
		}
	}
	return names;
}

function statementNames(statement: Statement | Node): string[] {
	switch (statement.type) {
		case 'VariableDeclaration': {
			const declaration = statement as Extract<Statement, { type: 'VariableDeclaration' }>;
			return declaration.declarations.flatMap((d) => patternNames(d.id));
		}
		case 'FunctionDeclaration':
		case 'ClassDeclaration': {
			const id = (statement as { id: { name: string } | null }).id;
			return id ? [id.name] : [];
		}
		default:
			return [];
	}
}

function patternNames(pattern: Pattern): string[] {
	switch (pattern.type) {
		case 'Identifier':
			return [pattern.name];
		case 'ObjectPattern':
			return pattern.properties.flatMap((p) =>
				p.type === 'RestElement' ? patternNames(p.argument) : patternNames(p.value)
			);
		case 'ArrayPattern':
			return pattern.elements.flatMap((e) => (e ? patternNames(e) : []));
		case 'RestElement':
			return patternNames(pattern.argument);
		case 'AssignmentPattern':
			return patternNames(pattern.left);
		default:
			return [];
	}
}

/** The first `import(…)` anywhere in the tree: cells may not load code from the network. */
function findImportExpression(node: unknown): Node | null {
	if (node === null || typeof node !== 'object') return null;
	if (Array.isArray(node)) {
		for (const child of node) {
			const found = findImportExpression(child);
			if (found) return found;
		}
		return null;
	}
	const record = node as Record<string, unknown>;
	if (record.type === 'ImportExpression') return node as Node;
	for (const [key, value] of Object.entries(record)) {
		if (key === 'loc') continue;
		const found = findImportExpression(value);
		if (found) return found;
	}
	return null;
}

/** Line and column in the cell from an offset in the prefixed source. */
function cellPosition(prefixed: string, offset: number): SourcePosition {
	const before = prefixed.slice(0, offset);
	const line = before.split('\n').length;
	const lineStart = before.lastIndexOf('\n') + 1;
	const column = offset - lineStart + 1 - (line === 1 ? STRICT_PREFIX.length : 0);
	return { line, column: Math.max(1, column) };
}

/**
 * Parses and wraps a cell. `reserved` are the built-in names (tf, show, the engine's functions)
 * that a cell may shadow locally but not replace for the cells after it.
 */
export function compileCell(
	code: string,
	sourceUrl: string,
	reserved: ReadonlySet<string>
): CompileResult {
	const source = STRICT_PREFIX + code;
	let program: Program;
	try {
		program = parse(source, {
			ecmaVersion: 'latest',
			sourceType: 'script',
			allowAwaitOutsideFunction: true,
			allowReturnOutsideFunction: true
		});
	} catch (error) {
		const { message, pos } = error as { message: string; pos?: number };
		const position = cellPosition(source, pos ?? 0);
		// Acorn appends "(line:column)" in its own coordinates; the position is reported separately.
		return {
			ok: false,
			error: { kind: 'syntax', message: message.replace(/ \(\d+:\d+\)$/, ''), ...position }
		};
	}

	const dynamicImport = findImportExpression(program.body);
	if (dynamicImport) {
		return { ok: false, error: { kind: 'import', ...cellPosition(source, dynamicImport.start) } };
	}

	const names = declaredNames(program).filter((name) => !name.startsWith(RUNTIME_PARAM));
	const exports = names.filter((name) => !reserved.has(name));
	const shadowed = names.filter((name) => reserved.has(name));

	// The value of a trailing expression statement is the cell's result, as in a REPL.
	let body = source;
	let insertion: Insertion | null = null;
	const last = program.body.at(-1);
	if (last && last.type === 'ExpressionStatement' && last.start >= STRICT_PREFIX.length) {
		const { start, end } = last.expression;
		const capture = `${RUNTIME_PARAM}.value = (`;
		body = source.slice(0, start) + capture + source.slice(start, end) + ')' + source.slice(end);
		const before = source.slice(0, start);
		insertion = {
			line: before.split('\n').length,
			column: start - (before.lastIndexOf('\n') + 1) + 1,
			length: capture.length
		};
	}

	body +=
		`\n;${RUNTIME_PARAM}.exports({ ${exports.join(', ')} });` + `\n//# sourceURL=${sourceUrl}`;
	return { ok: true, cell: { body, exports, shadowed, insertion } };
}
