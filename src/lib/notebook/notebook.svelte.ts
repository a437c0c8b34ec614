/**
 * A notebook's state in the page: its cells in document order, their code (with the student's
 * edits, kept in localStorage), how each last ran, and the worker runtime they share.
 */
import { isExercise, solutionCode, starterCode } from './cells';
import { exportFileName, toIpynb, toJs } from './export';
import type { OutputItem } from './output';
import type { CellError, CheckResult } from './protocol';
import { NotebookRuntime, type RuntimeStatus, type WorkerLike } from './runtime';
import { discardEdit, discardLesson, loadEdit, saveEdit, type EditStore } from './storage';

export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'error';

/** How a run ended when the cell's code did not finish by itself. */
export type Interruption =
	| { kind: 'timeout'; seconds: number }
	| { kind: 'stopped' }
	| { kind: 'cancelled' }
	| { kind: 'failed'; message: string };

export class CellState {
	code = $state('');
	status = $state<CellStatus>('idle');
	/** Execution number of the last run, as Jupyter numbers them. */
	count = $state<number | null>(null);
	outputs = $state.raw<OutputItem[]>([]);
	error = $state.raw<CellError | null>(null);
	interruption = $state.raw<Interruption | null>(null);
	check = $state.raw<CheckResult | null>(null);
	/** Wrong attempts at the exercise: a solution is offered only after one. */
	attempts = $state(0);
	solutionShown = $state(false);
	/** A ReferenceError while cells above had not run in this runtime. */
	needsCellsAbove = $state(false);
	/** Runtime generation of the last run that finished; older means its values are gone. */
	generation = $state(-1);
	/** Set by the cell's component: moves keyboard focus to its editor. */
	focus: (() => void) | null = null;
	/** Whether a component shows this cell (each cell appears once in the page). */
	shown = false;
	/** Whether the student's saved edit has been brought back. */
	restored = false;
	readonly id: string;
	readonly original: string;
	readonly exercise: boolean;

	constructor(id: string, original: string, exercise: boolean) {
		this.id = id;
		this.original = original;
		this.exercise = exercise;
		this.code = original;
	}

	get edited(): boolean {
		return this.code !== this.original;
	}
}

function browserStore(): EditStore | null {
	try {
		const store = globalThis.localStorage;
		const probe = 'separable.cell.probe';
		store.setItem(probe, probe);
		store.removeItem(probe);
		return store;
	} catch {
		return null;
	}
}

function download(name: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export class NotebookState {
	cells = $state<CellState[]>([]);
	status = $state<RuntimeStatus>('off');
	backend = $state<string | null>(null);
	/** Tensors alive in the worker after the last run. */
	tensors = $state<number | null>(null);
	/** Mirrors the runtime's generation so the page re-renders when state is lost. */
	generation = $state(0);
	/** False when the browser refuses localStorage: edits last only as long as the page. */
	canKeepEdits = $state(true);
	private store: EditStore | null = null;
	private runtime: NotebookRuntime | null = null;

	/**
	 * `cells`: the ids of the lesson's cells in document order, when known beforehand (a lesson
	 * page), so that running all cells and the export include cells whose component has not
	 * hydrated yet. Elsewhere cells register as their components are created.
	 */
	constructor(
		readonly lesson: string,
		private readonly spawn: () => WorkerLike,
		cells: readonly string[] = []
	) {
		for (const id of cells) this.add(id);
	}

	get timeLimitSeconds(): number {
		return (this.runtime?.timeLimitMs ?? 5000) / 1000;
	}

	private add(id: string): CellState {
		if (this.cells.some((cell) => cell.id === id)) {
			throw new Error(`Notebook ${this.lesson}: cell "${id}" appears twice`);
		}
		const cell = new CellState(id, starterCode(this.lesson, id), isExercise(this.lesson, id));
		this.cells.push(cell);
		return cell;
	}

	/** The cell a component shows: known beforehand, or added in document order. */
	register(id: string): CellState {
		const known = this.cells.find((cell) => cell.id === id);
		const cell = known ?? this.add(id);
		if (cell.shown) throw new Error(`Notebook ${this.lesson}: cell "${id}" appears twice`);
		cell.shown = true;
		return cell;
	}

	/** Brings back the student's saved edits, once the page runs in a browser. */
	restoreAll(): void {
		for (const cell of this.cells) this.restore(cell);
	}

	/** Brings back the student's saved edit of one cell, once. */
	restore(cell: CellState): void {
		if (cell.restored) return;
		cell.restored = true;
		this.store ??= browserStore();
		this.canKeepEdits = this.store !== null;
		const saved = this.store ? loadEdit(this.store, this.lesson, cell.id, cell.original) : null;
		if (saved !== null) cell.code = saved;
	}

	setCode(cell: CellState, code: string): void {
		cell.code = code;
		if (this.store) saveEdit(this.store, this.lesson, cell.id, cell.original, code);
	}

	reset(cell: CellState): void {
		cell.code = cell.original;
		if (this.store) discardEdit(this.store, this.lesson, cell.id);
	}

	discardAll(): void {
		for (const cell of this.cells) cell.code = cell.original;
		if (this.store) discardLesson(this.store, this.lesson);
	}

	async showSolution(cell: CellState): Promise<void> {
		this.setCode(cell, await solutionCode(this.lesson, cell.id));
		cell.solutionShown = true;
	}

	/** Starts the worker early, e.g. when a student first focuses a cell. */
	warm(): void {
		this.ensureRuntime().warm();
	}

	isFresh(cell: CellState): boolean {
		return cell.status === 'done' && cell.generation === this.generation;
	}

	private ensureRuntime(): NotebookRuntime {
		this.runtime ??= new NotebookRuntime(this.spawn, {
			onStatus: (status, backend) => {
				this.status = status;
				this.backend = backend;
			}
		});
		return this.runtime;
	}

	/** Runs one cell; resolves true when its code finished without an error. */
	async run(cell: CellState): Promise<boolean> {
		const runtime = this.ensureRuntime();
		cell.status = 'queued';
		cell.outputs = [];
		cell.error = null;
		cell.interruption = null;
		cell.check = null;
		cell.needsCellsAbove = false;
		const outcome = await runtime.run(`${this.lesson}/${cell.id}`, cell.code, {
			onOutput: (item) => {
				cell.outputs = [...cell.outputs, item];
			},
			onStarted: () => {
				cell.status = 'running';
			}
		});
		this.generation = runtime.generation;
		switch (outcome.kind) {
			case 'done':
				cell.status = 'done';
				cell.count = outcome.count;
				cell.generation = runtime.generation;
				cell.check = outcome.check;
				// Running the untouched starter is not an attempt: no solution is offered for it.
				if (
					outcome.check &&
					!outcome.check.ok &&
					cell.edited &&
					outcome.check.hint !== 'cell_hint_fill_in'
				) {
					cell.attempts++;
				}
				this.tensors = outcome.tensors;
				return true;
			case 'error':
				cell.status = 'error';
				cell.count = outcome.count;
				cell.error = outcome.error;
				cell.needsCellsAbove =
					outcome.error.kind === 'runtime' &&
					outcome.error.message.startsWith('ReferenceError') &&
					this.cellsAbove(cell).some((above) => !this.isFresh(above));
				this.tensors = outcome.tensors;
				return false;
			case 'timeout':
				cell.status = 'error';
				cell.interruption = { kind: 'timeout', seconds: outcome.limitMs / 1000 };
				this.tensors = null;
				return false;
			case 'stopped':
			case 'cancelled':
				cell.status = 'idle';
				cell.interruption = { kind: outcome.kind };
				return false;
			case 'failed':
				cell.status = 'error';
				cell.interruption = { kind: 'failed', message: outcome.message };
				return false;
		}
	}

	private cellsAbove(cell: CellState): CellState[] {
		return this.cells.slice(0, this.cells.indexOf(cell));
	}

	/** Runs cells in order, stopping at the first that does not finish. */
	private async runSequence(cells: readonly CellState[]): Promise<void> {
		for (const cell of cells) cell.status = 'queued';
		for (const [i, cell] of cells.entries()) {
			if (!(await this.run(cell))) {
				for (const rest of cells.slice(i + 1)) {
					if (rest.status === 'queued') rest.status = 'idle';
				}
				return;
			}
		}
	}

	runAll(): Promise<void> {
		return this.runSequence(this.cells);
	}

	/** Runs the cells above `cell` that have not run since the last restart. */
	runAbove(cell: CellState): Promise<void> {
		return this.runSequence(this.cellsAbove(cell).filter((above) => !this.isFresh(above)));
	}

	/**
	 * Set by the page: focuses a cell whose component has not hydrated yet (its island is still
	 * far from where the reader is), bringing it to life first.
	 */
	focusUnshown: ((cell: CellState) => void) | null = null;

	/** Shift+Enter: run, and move on to the next cell. */
	runAndAdvance(cell: CellState): void {
		const next = this.cells[this.cells.indexOf(cell) + 1];
		void this.run(cell);
		if (!next) return;
		if (next.focus) next.focus();
		else this.focusUnshown?.(next);
	}

	stop(): void {
		this.runtime?.stop();
		this.generation = this.runtime?.generation ?? this.generation;
		this.tensors = null;
	}

	restart(): void {
		this.runtime?.restart();
		this.generation = this.runtime?.generation ?? this.generation;
		this.tensors = null;
	}

	dispose(): void {
		this.runtime?.dispose();
		this.runtime = null;
	}

	private exportInput(title: string, note: string) {
		return { title, note, cells: this.cells.map((cell) => ({ id: cell.id, code: cell.code })) };
	}

	downloadIpynb(title: string, note: string): void {
		download(
			exportFileName(title, 'ipynb'),
			toIpynb(this.exportInput(title, note)),
			'application/x-ipynb+json'
		);
	}

	downloadJs(title: string, note: string): void {
		download(exportFileName(title, 'js'), toJs(this.exportInput(title, note)), 'text/javascript');
	}
}
