import { beforeAll, describe, expect, it } from 'vitest';
import { Executor, measureLineOffset, type TfRuntime } from '$lib/notebook/executor';
import type { Check } from '$lib/notebook/checks/common';
import type { OutputItem } from '$lib/notebook/output';
import { tf } from '$lib/notebook/tf';

let executor: Executor;
let runId = 0;
const checks = new Map<string, Check>([
	[
		't/answer',
		({ scope }) => (scope.answer === 42 ? { ok: true } : { ok: false, hint: 'cell_hint_try_again' })
	]
]);

beforeAll(async () => {
	await tf.setBackend('cpu');
	// tfjs greets Node users on its first op; let that happen before any cell prints.
	tf.tidy(() => tf.ones([1]).add(1));
	executor = new Executor({
		tf: tf as unknown as TfRuntime,
		scope: globalThis as unknown as Record<string, unknown>,
		checks,
		lineOffset: await measureLineOffset()
	});
});

async function run(code: string, cellKey = 't/cell') {
	const items: OutputItem[] = [];
	const result = await executor.run(cellKey, code, ++runId, (item) => items.push(item));
	return { result, items };
}

const texts = (items: OutputItem[]) =>
	items.flatMap((item) => (item.kind === 'text' || item.kind === 'value' ? [item.text] : []));

describe('Executor', () => {
	it('shows the trailing expression and printed text', async () => {
		const { result, items } = await run(
			'show.text("a", 1, [2, 3]);\nconsole.log({ b: 4 });\n6 * 7'
		);
		expect(result).toMatchObject({ type: 'done' });
		expect(texts(items)).toEqual(['a 1 [2, 3]', '{ b: 4 }', '42']);
	});

	it('awaits a trailing promise and shows its value', async () => {
		const { items } = await run('tf.tensor1d([1, 2]).data()');
		expect(texts(items)).toEqual(['Float32Array(2) [1, 2]']);
	});

	it('shares top-level names with later cells, and a re-run replaces them', async () => {
		await run('const shared = 5;\nfunction twice(x) { return 2 * x; }', 't/a');
		const { items } = await run('twice(shared)', 't/b');
		expect(texts(items)).toEqual(['10']);
		await run('const shared = 6;', 't/a');
		expect(texts((await run('shared', 't/b')).items)).toEqual(['6']);
	});

	it('lets a cell re-declare a name another cell made, without "already declared"', async () => {
		await run('let counter = 1;', 't/c');
		const { result, items } = await run('let counter = 10;\ncounter + 1', 't/d');
		expect(result.type).toBe('done');
		expect(texts(items)).toEqual(['11']);
	});

	it('keeps built-ins: a cell may shadow tf locally but not for later cells', async () => {
		const { items } = await run('const tf = 1;\ntf', 't/e');
		expect(items[0]).toEqual({ kind: 'note', note: 'shadowed', names: ['tf'] });
		expect(texts((await run('typeof tf.tensor', 't/f')).items)).toEqual(['function']);
	});

	it('reports runtime errors with the line of the cell', async () => {
		const { result } = await run('const a = 1;\n\nundefinedThing();', 't/g');
		expect(result).toMatchObject({
			type: 'error',
			error: { kind: 'runtime', line: 3, message: 'ReferenceError: undefinedThing is not defined' }
		});
	});

	it('finds the line of the cell under a deep tfjs stack', async () => {
		const { result } = await run(
			'const t = tf.ones([2, 3]);\n\nt.matMul(tf.ones([2, 3]))',
			't/deep'
		);
		expect(result).toMatchObject({ type: 'error', error: { kind: 'runtime', line: 3 } });
	});

	it('reports syntax errors and runs again afterwards', async () => {
		expect((await run('const = 1', 't/h')).result).toMatchObject({
			type: 'error',
			error: { kind: 'syntax', line: 1 }
		});
		expect(texts((await run('1 + 1', 't/h')).items)).toEqual(['2']);
	});

	it('disposes the tensors a cell made when it runs again', async () => {
		const code =
			'const kept = tf.ones([100]);\nconst temp = kept.add(1).mul(2);\nconst list = [tf.zeros([2]), { deep: tf.zeros([3]) }];';
		const first = await run(code, 't/memory');
		const second = await run(code, 't/memory');
		const third = await run(code, 't/memory');
		expect([first, second, third].map((r) => r.result.type)).toEqual(['done', 'done', 'done']);
		expect(first.result.tensors).toBeGreaterThanOrEqual(4);
		expect(second.result.tensors).toBe(first.result.tensors);
		expect(third.result.tensors).toBe(first.result.tensors);
	});

	it('frees intermediate tensors at the end of the run', async () => {
		const before = tf.memory().numTensors;
		const { result } = await run('for (let i = 0; i < 50; i++) tf.ones([10]).add(i);', 't/loop');
		expect(result.type).toBe('done');
		expect(tf.memory().numTensors).toBe(before);
	});

	it('keeps a tensor another cell still uses', async () => {
		await run('const base = tf.tensor1d([1, 2, 3]);', 't/owner');
		await run('const alias = base;', 't/user');
		await run('const base = tf.tensor1d([4, 5, 6]);', 't/owner');
		expect(texts((await run('alias.arraySync()', 't/reader')).items)).toEqual(['[1, 2, 3]']);
	});

	it("disposes a model's weights when the cell that built it runs again", async () => {
		const code =
			'const model = tf.sequential();\nmodel.add(tf.layers.dense({ units: 4, inputShape: [3] }));\nmodel.countParams()';
		const first = await run(code, 't/model');
		expect(texts(first.items)).toEqual(['16']);
		const second = await run(code, 't/model');
		expect(second.result.type).toBe('done');
		expect(second.result.tensors).toBe(first.result.tensors);
	});

	it('frees what a failed run made and keeps the previous names', async () => {
		await run('const stable = tf.ones([4]);', 't/fail');
		const before = tf.memory().numTensors;
		const { result } = await run(
			'const stable = tf.zeros([4]);\ntf.ones([5]);\nthrow new Error("boom")',
			't/fail'
		);
		expect(result).toMatchObject({ type: 'error', error: { message: 'Error: boom', line: 3 } });
		expect(tf.memory().numTensors).toBe(before);
		expect(texts((await run('stable.arraySync()', 't/read')).items)).toEqual(['[1, 1, 1, 1]']);
	});

	it("runs the check of an exercise on the cell's names", async () => {
		expect((await run('const answer = 41;', 't/answer')).result).toMatchObject({
			type: 'done',
			check: { ok: false, hint: 'cell_hint_try_again' }
		});
		expect((await run('const answer = 42;', 't/answer')).result).toMatchObject({
			type: 'done',
			check: { ok: true }
		});
	});

	it('turns tensors into images, heatmaps, tables and charts', async () => {
		const { items, result } = await run(
			[
				'show.image(tf.ones([4, 5, 3]));',
				"show.heatmap(tf.range(0, 24).reshape([1, 2, 3, 4]), 'maps');",
				'show.table(tf.tensor2d([[1, 2], [3, 4]]));',
				'show.line(tf.tensor1d([1, 4, 9]));',
				'show.bar({ a: 1, b: 2 });'
			].join('\n'),
			't/show'
		);
		expect(result).toMatchObject({ type: 'done' });
		expect(items.map((i) => i.kind)).toEqual(['image', 'heatmap', 'table', 'line', 'bar']);
		const [image, heatmap, table] = items;
		expect(image).toMatchObject({ width: 5, height: 4 });
		expect(heatmap).toMatchObject({
			width: 3,
			height: 2,
			channels: 4,
			min: 0,
			max: 23,
			title: 'maps'
		});
		expect(table).toMatchObject({
			rows: [
				[1, 2],
				[3, 4]
			]
		});
	});

	it('caps the output of a run that prints in a loop', async () => {
		const { items } = await run('for (let i = 0; i < 1000; i++) show.text(i);', 't/flood');
		expect(items).toHaveLength(101);
		expect(items.at(-1)).toEqual({ kind: 'note', note: 'truncated' });
	});
});
