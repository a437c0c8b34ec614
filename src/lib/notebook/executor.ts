/**
 * Runs cells in a global scope: compiles a cell, runs it inside a tfjs scope, shows its value,
 * runs its exercise check, hands its names to later cells and frees what its previous run kept.
 * The worker wires this to messages; the unit tests run it in Node on tfjs' cpu backend.
 */
import * as architecture from '$lib/architecture';
import type { Check } from './checks/common';
import { lineOffsetFromProbe, runtimeError } from './errors';
import { inspect } from './inspect';
import type { OutputItem } from './output';
import type { CellError, CheckResult } from './protocol';
import { collectResources, releaseResources, type Disposable, type Resources } from './resources';
import { OutputSink, createConsole, createShow } from './show';
import { RUNTIME_PARAM, STRICT_PREFIX, compileCell } from './transform';

/** The parts of tfjs the executor itself uses. */
export interface TfRuntime {
	engine(): {
		startScope(): void;
		endScope(): void;
		state: { registeredVariables: Record<string, Disposable> };
	};
	memory(): { numTensors: number };
	keep<T>(tensor: T): T;
}

type Outcome =
	| { type: 'done'; exports: string[]; check: CheckResult | null }
	| { type: 'error'; error: CellError };

/** How a run ended, and the tensors alive after it (its scope closed, its leftovers freed). */
export type ExecutionResult = Outcome & { tensors: number };

interface CellRuntime {
	value?: unknown;
	exports(names: Record<string, unknown>): void;
}
type CompiledFunction = (runtime: CellRuntime) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
	...args: string[]
) => CompiledFunction;

/** The engine's V8/SpiderMonkey header lines before a Function's body, measured by a probe. */
export async function measureLineOffset(): Promise<number> {
	const url = 'separable-probe.js';
	const probe = new AsyncFunction(
		RUNTIME_PARAM,
		`${STRICT_PREFIX}throw new Error('probe')\n//# sourceURL=${url}`
	);
	try {
		await probe({ exports: () => {} });
	} catch (error) {
		return lineOffsetFromProbe((error as Error).stack, url);
	}
	return 0;
}

export interface ExecutorOptions {
	/** tfjs as cells see it (`tf`), and what the executor needs from it. */
	tf: TfRuntime & object;
	/** The global object cells run in. */
	scope: Record<string, unknown>;
	checks: ReadonlyMap<string, Check>;
	lineOffset: number;
}

export class Executor {
	/** Built-ins and the scope's own globals, which cells may shadow but not replace. */
	readonly reserved: Set<string>;
	private sink: OutputSink | null = null;
	/** What each cell's last successful run keeps alive. */
	private readonly kept = new Map<string, Resources>();

	constructor(private readonly options: ExecutorOptions) {
		const { scope, tf } = options;
		// V8 keeps 10 frames; an error deep inside tfjs would lose the cell's frame, and its line.
		const errors = Error as { stackTraceLimit?: number };
		if (typeof errors.stackTraceLimit === 'number') errors.stackTraceLimit = 200;
		const builtins: Record<string, unknown> = { tf, arch: architecture, ...architecture };
		for (const [name, value] of Object.entries(builtins)) {
			Object.defineProperty(scope, name, {
				value,
				writable: false,
				configurable: true,
				enumerable: true
			});
		}
		// `show` writes into the running cell's output, so it is read when a cell uses it.
		Object.defineProperty(scope, 'show', {
			get: () => (this.sink ? createShow(this.sink) : undefined),
			configurable: true
		});
		const console = scope.console as Console;
		Object.assign(
			console,
			createConsole(() => this.sink, { ...console })
		);

		this.reserved = new Set(['show', ...Object.keys(builtins)]);
		for (let o: object | null = scope; o; o = Object.getPrototypeOf(o)) {
			for (const name of Object.getOwnPropertyNames(o)) this.reserved.add(name);
		}
	}

	async run(
		cellKey: string,
		code: string,
		runId: number,
		emit: (item: OutputItem) => void,
		onStarted: () => void = () => {}
	): Promise<ExecutionResult> {
		const outcome = await this.execute(cellKey, code, runId, emit, onStarted);
		return { ...outcome, tensors: this.options.tf.memory().numTensors };
	}

	private async execute(
		cellKey: string,
		code: string,
		runId: number,
		emit: (item: OutputItem) => void,
		onStarted: () => void = () => {}
	): Promise<Outcome> {
		const { tf } = this.options;
		const sink = new OutputSink(emit);
		const sourceUrl = `separable-cell-${runId}.js`;
		const compiled = compileCell(code, sourceUrl, this.reserved);
		onStarted();
		if (!compiled.ok) return { type: 'error', error: compiled.error };
		if (compiled.cell.shadowed.length > 0) {
			sink.push({ kind: 'note', note: 'shadowed', names: compiled.cell.shadowed });
		}

		let fn: CompiledFunction;
		try {
			fn = new AsyncFunction(RUNTIME_PARAM, compiled.cell.body);
		} catch (error) {
			// Acorn accepted what the engine refuses (rare): the engine's message has no position.
			const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
			return { type: 'error', error: { kind: 'runtime', message } };
		}

		const variablesBefore = new Set(Object.keys(tf.engine().state.registeredVariables));
		let names: Record<string, unknown> = {};
		const runtime: CellRuntime = {
			exports: (values) => {
				names = values;
			}
		};
		this.sink = sink;
		tf.engine().startScope();
		try {
			const returned = await fn(runtime);
			let value = returned !== undefined ? returned : runtime.value;
			if (value instanceof Promise) value = await value;
			if (value !== undefined) sink.push({ kind: 'value', text: inspect(value) });
			let check: CheckResult | null;
			try {
				check = (await this.options.checks.get(cellKey)?.({ value, scope: names, code })) ?? null;
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				return { type: 'error', error: { kind: 'check-failed', message } };
			}
			this.finish(cellKey, names, variablesBefore);
			return { type: 'done', exports: Object.keys(names), check };
		} catch (error) {
			const lines = code.split('\n').length;
			return {
				type: 'error',
				error: runtimeError(
					error,
					sourceUrl,
					this.options.lineOffset,
					lines,
					compiled.cell.insertion
				)
			};
		} finally {
			tf.engine().endScope();
			this.sink = null;
		}
	}

	/**
	 * Hands the cell's names to later cells, keeps the tensors they reach past the run's scope,
	 * and frees what the cell's previous run kept that no cell's names still reach.
	 */
	private finish(
		cellKey: string,
		names: Record<string, unknown>,
		variablesBefore: Set<string>
	): void {
		const { tf, scope } = this.options;
		const variables = tf.engine().state.registeredVariables;
		const created = Object.keys(variables)
			.filter((name) => !variablesBefore.has(name))
			.map((name) => variables[name] as Disposable);
		const resources = collectResources(Object.values(names), created);
		for (const tensor of resources.reached) tf.keep(tensor);
		for (const [name, value] of Object.entries(names)) {
			Object.defineProperty(scope, name, {
				value,
				writable: true,
				configurable: true,
				enumerable: true
			});
		}
		const previous = this.kept.get(cellKey);
		this.kept.set(cellKey, resources);
		if (previous) releaseResources(previous, [...this.kept.values()]);
	}
}
