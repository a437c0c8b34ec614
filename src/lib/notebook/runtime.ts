/**
 * The page's side of a notebook's worker: runs cells one at a time in order of request, enforces
 * the time limit and restarts the worker when a run exceeds it or the student stops it.
 *
 * The limit counts from the moment the cell's code starts, not from the worker's start (loading
 * tfjs and its wasm binary is not the student's code). A restart loses every cell's state, so
 * the notebook marks the cells that ran before it as needing another run (`generation`).
 */
import type { OutputItem } from './output';
import type { CellError, CheckResult, FromWorker, ToWorker } from './protocol';

export const TIME_LIMIT_MS = 5000;
/** Loading tfjs in the worker: generous, for a slow school laptop. */
export const START_LIMIT_MS = 60_000;

export type RunOutcome =
	| { kind: 'done'; count: number; exports: string[]; check: CheckResult | null; tensors: number }
	| { kind: 'error'; count: number; error: CellError; tensors: number }
	/** Stopped at the time limit; the worker was restarted. */
	| { kind: 'timeout'; limitMs: number }
	/** Stopped by the student; the worker was restarted. */
	| { kind: 'stopped' }
	/** Never ran: the runtime restarted while it waited. */
	| { kind: 'cancelled' }
	/** The worker could not start tfjs. */
	| { kind: 'failed'; message: string };

export type RuntimeStatus = 'off' | 'starting' | 'ready' | 'running' | 'failed';

export interface WorkerLike {
	postMessage(message: ToWorker): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunHandlers {
	onOutput(item: OutputItem): void;
	/** The cell's code has started (after any wait for the worker or for earlier cells). */
	onStarted?(): void;
}

interface Pending {
	runId: number;
	cellKey: string;
	code: string;
	handlers: RunHandlers;
	resolve(outcome: RunOutcome): void;
}

export interface RuntimeOptions {
	timeLimitMs?: number;
	startLimitMs?: number;
	onStatus?(status: RuntimeStatus, backend: string | null): void;
}

export class NotebookRuntime {
	private worker: WorkerLike | null = null;
	private ready = false;
	private backend: string | null = null;
	private queue: Pending[] = [];
	private current: Pending | null = null;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private startTimer: ReturnType<typeof setTimeout> | null = null;
	/** Runs that may still print (e.g. from a timer in the cell), by run id. */
	private printers = new Map<number, RunHandlers['onOutput']>();
	private nextRunId = 1;
	private count = 0;
	/** Increases whenever the worker is terminated: state from an older generation is gone. */
	generation = 0;
	readonly timeLimitMs: number;
	private readonly startLimitMs: number;

	constructor(
		private readonly spawn: () => WorkerLike,
		private readonly options: RuntimeOptions = {}
	) {
		this.timeLimitMs = options.timeLimitMs ?? TIME_LIMIT_MS;
		this.startLimitMs = options.startLimitMs ?? START_LIMIT_MS;
	}

	/** Starts the worker ahead of the first run (e.g. when a student starts editing). */
	warm(): void {
		this.ensureWorker();
	}

	run(cellKey: string, code: string, handlers: RunHandlers): Promise<RunOutcome> {
		return new Promise((resolve) => {
			this.queue.push({ runId: this.nextRunId++, cellKey, code, handlers, resolve });
			this.pump();
		});
	}

	/** Stops the running cell and drops the queue; the next run starts a fresh worker. */
	stop(): void {
		if (this.worker) this.kill({ kind: 'stopped' });
	}

	/** Forgets all state: a fresh worker on the next run. */
	restart(): void {
		this.kill({ kind: 'stopped' });
	}

	dispose(): void {
		this.kill({ kind: 'cancelled' });
	}

	get isBusy(): boolean {
		return this.current !== null || this.queue.length > 0;
	}

	private setStatus(status: RuntimeStatus): void {
		this.options.onStatus?.(status, this.backend);
	}

	private ensureWorker(): WorkerLike {
		if (this.worker) return this.worker;
		const worker = this.spawn();
		this.worker = worker;
		this.ready = false;
		this.count = 0;
		worker.onmessage = (event) => this.receive(worker, event.data);
		worker.onerror = (event) => {
			event.preventDefault?.();
			if (worker === this.worker) this.fail(event.message || 'worker error');
		};
		this.startTimer = setTimeout(() => {
			if (worker === this.worker && !this.ready) this.fail('timeout');
		}, this.startLimitMs);
		this.setStatus('starting');
		return worker;
	}

	private pump(): void {
		if (this.current) return;
		const next = this.queue.shift();
		if (!next) {
			if (this.worker && this.ready) this.setStatus('ready');
			return;
		}
		this.current = next;
		this.printers.set(next.runId, next.handlers.onOutput);
		const worker = this.ensureWorker();
		worker.postMessage({ type: 'run', runId: next.runId, cellKey: next.cellKey, code: next.code });
		if (this.ready) this.setStatus('running');
	}

	private receive(worker: WorkerLike, message: FromWorker): void {
		if (worker !== this.worker) return;
		switch (message.type) {
			case 'ready':
				this.ready = true;
				this.backend = message.backend;
				this.clearStartTimer();
				this.setStatus(this.current ? 'running' : 'ready');
				return;
			case 'failed':
				this.fail(message.message);
				return;
			case 'started':
				if (this.current?.runId !== message.runId) return;
				this.count++;
				this.current.handlers.onStarted?.();
				this.timer = setTimeout(
					() => this.kill({ kind: 'timeout', limitMs: this.timeLimitMs }),
					this.timeLimitMs
				);
				return;
			case 'output':
				this.printers.get(message.runId)?.(message.item);
				return;
			case 'done':
			case 'error': {
				if (this.current?.runId !== message.runId) return;
				this.clearTimer();
				const outcome: RunOutcome =
					message.type === 'done'
						? {
								kind: 'done',
								count: this.count,
								exports: message.exports,
								check: message.check,
								tensors: message.tensors
							}
						: { kind: 'error', count: this.count, error: message.error, tensors: message.tensors };
				const finished = this.current;
				this.current = null;
				finished.resolve(outcome);
				this.pump();
				return;
			}
		}
	}

	private clearTimer(): void {
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = null;
	}

	private clearStartTimer(): void {
		if (this.startTimer !== null) clearTimeout(this.startTimer);
		this.startTimer = null;
	}

	private fail(message: string): void {
		const worker = this.worker;
		this.worker = null;
		this.generation++;
		this.clearTimer();
		this.clearStartTimer();
		worker?.terminate();
		this.printers.clear();
		const waiting = [...(this.current ? [this.current] : []), ...this.queue];
		this.current = null;
		this.queue = [];
		this.setStatus('failed');
		for (const pending of waiting) pending.resolve({ kind: 'failed', message });
	}

	/** Terminates the worker: the running cell gets `outcome`, the ones waiting are cancelled. */
	private kill(outcome: RunOutcome): void {
		const worker = this.worker;
		this.worker = null;
		this.ready = false;
		if (worker) this.generation++;
		this.clearTimer();
		this.clearStartTimer();
		worker?.terminate();
		this.printers.clear();
		const running = this.current;
		const waiting = this.queue;
		this.current = null;
		this.queue = [];
		this.setStatus('off');
		running?.resolve(outcome);
		for (const pending of waiting) pending.resolve({ kind: 'cancelled' });
	}
}
