/**
 * Where in a cell an exception happened. Each run's code carries a `//# sourceURL=` of its own,
 * so its frames are named in the stack (V8: `at f (cell-3.js:5:9)`, Firefox: `f@cell-3.js:5:9`).
 * The engine prefixes a Function's body with a header of a few lines; that offset is measured
 * once per worker with a probe (see lineOffsetFromProbe), not assumed.
 */
import { STRICT_PREFIX, type Insertion, type SourcePosition } from './transform';

export interface RuntimeError {
	kind: 'runtime';
	/** "TypeError: x is not a function", or the thrown value as text. */
	message: string;
	/** Absent when no frame of the cell is in the stack (e.g. an error in a timer callback). */
	line?: number;
	column?: number;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The innermost frame of `sourceUrl` in a stack: line and column as the engine reports them. */
export function frameInStack(
	stack: string | undefined,
	sourceUrl: string
): { line: number; column: number } | null {
	if (!stack) return null;
	const match = new RegExp(`(?:^|[\\s(@/])${escapeRegExp(sourceUrl)}:(\\d+):(\\d+)`, 'm').exec(
		stack
	);
	if (!match?.[1] || !match[2]) return null;
	return { line: Number(match[1]), column: Number(match[2]) };
}

/** The probe's body throws on its first line: whatever line the engine reports is 1 + offset. */
export function lineOffsetFromProbe(stack: string | undefined, sourceUrl: string): number {
	const frame = frameInStack(stack, sourceUrl);
	return frame ? frame.line - 1 : 0;
}

/** Cell line and column of an engine position, or null when it falls outside the cell's lines. */
export function cellPositionOf(
	frame: { line: number; column: number },
	lineOffset: number,
	cellLines: number,
	insertion: Insertion | null = null
): SourcePosition | null {
	const line = frame.line - lineOffset;
	if (line < 1 || line > cellLines) return null;
	let column = frame.column;
	if (insertion && insertion.line === line && column >= insertion.column + insertion.length) {
		column -= insertion.length;
	}
	if (line === 1) column -= STRICT_PREFIX.length;
	return { line, column: Math.max(1, column) };
}

function describe(thrown: unknown): string {
	if (thrown instanceof Error) return `${thrown.name}: ${thrown.message}`;
	if (typeof thrown === 'object' && thrown !== null) {
		const { name, message } = thrown as { name?: unknown; message?: unknown };
		if (typeof message === 'string')
			return typeof name === 'string' ? `${name}: ${message}` : message;
	}
	try {
		return `Uncaught ${String(thrown)}`;
	} catch {
		return 'Uncaught exception';
	}
}

export function runtimeError(
	thrown: unknown,
	sourceUrl: string,
	lineOffset: number,
	cellLines: number,
	insertion: Insertion | null = null
): RuntimeError {
	const stack = thrown instanceof Error ? thrown.stack : undefined;
	const frame = frameInStack(stack, sourceUrl);
	const position = frame ? cellPositionOf(frame, lineOffset, cellLines, insertion) : null;
	return { kind: 'runtime', message: describe(thrown), ...(position ?? {}) };
}
