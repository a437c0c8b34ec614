/**
 * What exercise checks share. A check runs in the worker after the student's cell, sees the
 * names the cell declared and its result, and says right, or wrong with a hint. Expected values
 * always come from the architecture engine or from tfjs on the student's own tensors, never
 * from a number typed here; the exercise's givens (M = 32, …) are its statement, not its answer.
 */
import type { CheckResult } from '../protocol';
import type { HintId } from '../hints';

export interface CheckContext {
	/** The cell's result: its trailing expression or returned value. */
	value: unknown;
	/** Top-level names the cell declared, with their values after the run. */
	scope: Readonly<Record<string, unknown>>;
	/** The code that ran. */
	code: string;
}

export type Check = (context: CheckContext) => CheckResult | Promise<CheckResult>;

export const RIGHT: CheckResult = { ok: true };

export function wrong(hint: HintId): CheckResult {
	return { ok: false, hint };
}

/** The named variable when the cell declared it, else the cell's result. */
export function answerOf(context: CheckContext, name: string): unknown {
	return Object.hasOwn(context.scope, name) ? context.scope[name] : context.value;
}

export function same(a: number, b: number): boolean {
	return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Wrong-hint when the student changed one of the exercise's givens. */
export function changedGivens(
	context: CheckContext,
	givens: Readonly<Record<string, number>>
): CheckResult | null {
	for (const [name, value] of Object.entries(givens)) {
		if (Object.hasOwn(context.scope, name) && context.scope[name] !== value) {
			return wrong('cell_hint_givens_changed');
		}
	}
	return null;
}

/**
 * A numeric answer against the expected value and the values typical mistakes give, each with
 * the hint that names the mistake. A mistake that happens to equal the answer is never reported.
 */
export function numericCheck(
	answer: unknown,
	expected: number,
	mistakes: readonly (readonly [number, HintId])[],
	fallback: HintId = 'cell_hint_try_again'
): CheckResult {
	if (answer === undefined || answer === null) return wrong('cell_hint_fill_in');
	if (typeof answer !== 'number' || Number.isNaN(answer)) return wrong('cell_hint_not_number');
	if (same(answer, expected)) return RIGHT;
	const mistake = mistakes.find(([value]) => !same(value, expected) && same(answer, value));
	return wrong(mistake ? mistake[1] : fallback);
}
