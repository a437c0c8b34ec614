import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '$lib/notebook/protocol';
import { NotebookRuntime, type RuntimeStatus, type WorkerLike } from '$lib/notebook/runtime';

/** A worker the test drives by hand: it records requests and replies when told. */
class FakeWorker implements WorkerLike {
	onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	requests: ToWorker[] = [];
	terminated = false;
	postMessage(message: ToWorker) {
		this.requests.push(message);
	}
	terminate() {
		this.terminated = true;
	}
	reply(message: FromWorker) {
		this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
	}
	finish(runId: number) {
		this.reply({ type: 'started', runId });
		this.reply({ type: 'done', runId, exports: [], check: null, tensors: 0 });
	}
}

let workers: FakeWorker[];
let statuses: RuntimeStatus[];
let runtime: NotebookRuntime;

beforeEach(() => {
	vi.useFakeTimers();
	workers = [];
	statuses = [];
	runtime = new NotebookRuntime(
		() => {
			const worker = new FakeWorker();
			workers.push(worker);
			return worker;
		},
		{ timeLimitMs: 5000, startLimitMs: 30_000, onStatus: (status) => statuses.push(status) }
	);
});
afterEach(() => {
	vi.useRealTimers();
});

const noOutput = { onOutput: () => {} };

describe('NotebookRuntime', () => {
	it('starts one worker lazily and runs cells one at a time, in order', async () => {
		expect(workers).toHaveLength(0);
		const first = runtime.run('l/a', 'a', noOutput);
		const second = runtime.run('l/b', 'b', noOutput);
		const worker = workers[0] as FakeWorker;
		expect(workers).toHaveLength(1);
		expect(worker.requests.map((r) => r.cellKey)).toEqual(['l/a']);
		worker.reply({ type: 'ready', backend: 'wasm' });
		worker.finish(1);
		await expect(first).resolves.toMatchObject({ kind: 'done', count: 1 });
		expect(worker.requests.map((r) => r.cellKey)).toEqual(['l/a', 'l/b']);
		worker.finish(2);
		await expect(second).resolves.toMatchObject({ kind: 'done', count: 2 });
		expect(statuses.at(-1)).toBe('ready');
	});

	it('does not count the time tfjs takes to start against the cell', async () => {
		const run = runtime.run('l/a', 'code', noOutput);
		const worker = workers[0] as FakeWorker;
		vi.advanceTimersByTime(20_000);
		expect(worker.terminated).toBe(false);
		worker.reply({ type: 'ready', backend: 'cpu' });
		worker.finish(1);
		await expect(run).resolves.toMatchObject({ kind: 'done' });
	});

	it('terminates the worker at the time limit, cancels the queue and starts afresh', async () => {
		const looping = runtime.run('l/loop', 'while (true) {}', noOutput);
		const waiting = runtime.run('l/next', '1', noOutput);
		const worker = workers[0] as FakeWorker;
		worker.reply({ type: 'ready', backend: 'wasm' });
		worker.reply({ type: 'started', runId: 1 });
		const generation = runtime.generation;
		vi.advanceTimersByTime(4999);
		expect(worker.terminated).toBe(false);
		vi.advanceTimersByTime(1);
		expect(worker.terminated).toBe(true);
		await expect(looping).resolves.toEqual({ kind: 'timeout', limitMs: 5000 });
		await expect(waiting).resolves.toEqual({ kind: 'cancelled' });
		expect(runtime.generation).toBe(generation + 1);

		const again = runtime.run('l/next', '1', noOutput);
		expect(workers).toHaveLength(2);
		(workers[1] as FakeWorker).reply({ type: 'ready', backend: 'wasm' });
		(workers[1] as FakeWorker).finish(3);
		await expect(again).resolves.toMatchObject({ kind: 'done', count: 1 });
	});

	it('stops a run on request', async () => {
		const run = runtime.run('l/a', 'x', noOutput);
		runtime.stop();
		await expect(run).resolves.toEqual({ kind: 'stopped' });
		expect((workers[0] as FakeWorker).terminated).toBe(true);
	});

	it('passes outputs to the run that made them and reports errors', async () => {
		const printed: string[] = [];
		const run = runtime.run('l/a', 'x', {
			onOutput: (item) => printed.push(item.kind === 'text' ? item.text : item.kind)
		});
		const worker = workers[0] as FakeWorker;
		worker.reply({ type: 'ready', backend: 'wasm' });
		worker.reply({ type: 'started', runId: 1 });
		worker.reply({
			type: 'output',
			runId: 1,
			item: { kind: 'text', text: 'hello', stream: 'out' }
		});
		worker.reply({
			type: 'error',
			runId: 1,
			error: { kind: 'runtime', message: 'Error: x', line: 2 },
			tensors: 3
		});
		await expect(run).resolves.toEqual({
			kind: 'error',
			count: 1,
			error: { kind: 'runtime', message: 'Error: x', line: 2 },
			tensors: 3
		});
		expect(printed).toEqual(['hello']);
	});

	it('fails every waiting run when the worker cannot start', async () => {
		const run = runtime.run('l/a', 'x', noOutput);
		(workers[0] as FakeWorker).reply({ type: 'failed', message: 'no wasm' });
		await expect(run).resolves.toEqual({ kind: 'failed', message: 'no wasm' });
		expect(statuses.at(-1)).toBe('failed');
	});

	it('gives up on a worker that never gets ready', async () => {
		const run = runtime.run('l/a', 'x', noOutput);
		vi.advanceTimersByTime(30_000);
		await expect(run).resolves.toEqual({ kind: 'failed', message: 'timeout' });
	});
});
