/** Messages between a notebook page and its worker. Every message about a run names the run. */
import type { RuntimeError } from './errors';
import type { HintId } from './hints';
import type { OutputItem } from './output';
import type { CompileError } from './transform';

export interface RunRequest {
	type: 'run';
	runId: number;
	/** "<lesson>/<cell id>": names the cell's resources and its check. */
	cellKey: string;
	code: string;
}

export type ToWorker = RunRequest;

export type CheckResult = { ok: true } | { ok: false; hint: HintId };

/** Errors of the notebook rather than of the student's code, worded by the page. */
export type InternalError = { kind: 'check-failed'; message: string };

export type CellError = CompileError | RuntimeError | InternalError;

export type FromWorker =
	| { type: 'ready'; backend: string }
	/** The worker could not start tfjs: nothing will run. */
	| { type: 'failed'; message: string }
	/** The cell's code starts now: the time limit counts from here. */
	| { type: 'started'; runId: number }
	| { type: 'output'; runId: number; item: OutputItem }
	| {
			type: 'done';
			runId: number;
			/** Names the cell gave to the cells after it. */
			exports: string[];
			check: CheckResult | null;
			/** Tensors alive in the worker after the run. */
			tensors: number;
	  }
	| { type: 'error'; runId: number; error: CellError; tensors: number };
