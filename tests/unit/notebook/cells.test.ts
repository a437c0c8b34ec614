import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allCellKeys, hasCells, isExercise, solutionCode, starterCode } from '$lib/notebook/cells';
import { CHECKS } from '$lib/notebook/checks';
import { Executor, measureLineOffset, type TfRuntime } from '$lib/notebook/executor';
import { HINT_IDS } from '$lib/notebook/hints';
import type { OutputItem } from '$lib/notebook/output';
import { tf } from '$lib/notebook/tf';

let executor: Executor;
let runId = 0;

beforeAll(async () => {
	await tf.setBackend('cpu');
	tf.tidy(() => tf.ones([1]).add(1));
	executor = new Executor({
		tf: tf as unknown as TfRuntime,
		scope: globalThis as unknown as Record<string, unknown>,
		checks: CHECKS,
		lineOffset: await measureLineOffset()
	});
});

async function run(cellKey: string, code: string) {
	const items: OutputItem[] = [];
	const result = await executor.run(cellKey, code, ++runId, (item) => items.push(item));
	return { result, items };
}

const { starters, solutions } = allCellKeys();
const split = (key: string) => key.split('/') as [string, string];

describe('the cells in content/cells', () => {
	it('knows which lessons have cells, and names a missing cell', () => {
		expect(hasCells('depthwise-separable-convolution')).toBe(true);
		expect(hasCells('why-mobilenet')).toBe(false);
		expect(() => starterCode('playground', 'no-such-cell')).toThrow(
			'content/cells/playground/no-such-cell.js'
		);
	});

	it('names each folder after a lesson, and each lesson in every language embeds all its cells', () => {
		const languages = readdirSync('content', { withFileTypes: true })
			.filter((entry) => entry.isDirectory() && entry.name !== 'cells')
			.map((entry) => entry.name);
		expect(languages.sort()).toEqual(['en', 'ko', 'ru', 'zh']);
		const slugs = readdirSync('content/en').flatMap((f) =>
			f.endsWith('.md') ? [f.slice(0, -3)] : []
		);
		for (const key of starters) {
			const [lesson, id] = split(key);
			if (lesson === 'playground') continue;
			expect(slugs, `content/cells/${lesson}/ names no lesson`).toContain(lesson);
			for (const lang of languages) {
				const source = readFileSync(`content/${lang}/${lesson}.md`, 'utf8');
				expect(source, `content/${lang}/${lesson}.md embeds cell ${id}`).toContain(
					`<Cell id="${id}" />`
				);
			}
		}
	});

	it('every exercise has a check and a solution, and every check a cell', () => {
		expect(solutions.sort()).toEqual([...CHECKS.keys()].sort());
		for (const key of solutions) expect(starters).toContain(key);
		expect(starters.length).toBeGreaterThanOrEqual(14);
	});

	for (const lesson of [
		'standard-convolution',
		'depthwise-separable-convolution',
		'pointwise-convolution',
		'width-and-resolution',
		'mobilenet-v2'
	]) {
		it(`lesson ${lesson} has at least one exercise`, () => {
			expect(
				starters.some((key) => key.startsWith(`${lesson}/`) && isExercise(...split(key)))
			).toBe(true);
		});
	}

	for (const key of starters) {
		it(`${key} runs without an error${solutions.includes(key) ? ' and its check says "not yet"' : ''}`, async () => {
			const { result, items } = await run(key, starterCode(...split(key)));
			expect(result).toMatchObject({ type: 'done' });
			expect(items.filter((i) => i.kind === 'text' && i.stream !== 'out')).toEqual([]);
			if (solutions.includes(key)) {
				expect(result).toMatchObject({ check: { ok: false } });
				if (result.type === 'done' && result.check && !result.check.ok) {
					expect(HINT_IDS).toContain(result.check.hint);
				}
			} else {
				expect(result).toMatchObject({ check: null });
				expect(items.length).toBeGreaterThan(0);
			}
		});
	}

	for (const key of solutions) {
		it(`${key}: the solution passes its check`, async () => {
			const { result } = await run(key, await solutionCode(...split(key)));
			expect(result).toMatchObject({ type: 'done', check: { ok: true } });
		});
	}
});

/** The starter with its placeholder replaced by a student's answer. */
async function attempt(key: string, placeholder: string, answer: string) {
	const code = starterCode(...split(key)).replace(placeholder, answer);
	expect(code).toContain(answer);
	const { result } = await run(key, code);
	return result.type === 'done' ? result.check : result;
}

// The standard convolution cell runs a real 56×56×32→64 conv2d: seconds per run on Node's cpu backend.
describe('exercise checks name the mistake', { timeout: 60_000 }, () => {
	it('standard convolution cost', async () => {
		const key = 'standard-convolution/standard-cost';
		const p = 'const cost = undefined;';
		expect(await attempt(key, p, 'const cost = D_K * M * N * D_F * D_F;')).toEqual({
			ok: false,
			hint: 'cell_hint_kernel_squared'
		});
		expect(await attempt(key, p, 'const cost = D_K * D_K * M * N * D_F;')).toEqual({
			ok: false,
			hint: 'cell_hint_every_position'
		});
		expect(await attempt(key, p, 'const cost = D_K * D_K * M * D_F * D_F;')).toEqual({
			ok: false,
			hint: 'cell_hint_all_channels'
		});
		expect(await attempt(key, p, 'const cost = "a lot";')).toEqual({
			ok: false,
			hint: 'cell_hint_not_number'
		});
		expect(await attempt(key, p, 'const cost = 7;')).toEqual({
			ok: false,
			hint: 'cell_hint_try_again'
		});
		expect(await attempt(key, 'const M = 32;', 'const M = 16;')).toEqual({
			ok: false,
			hint: 'cell_hint_givens_changed'
		});
	});

	it('depthwise cost', async () => {
		const key = 'depthwise-separable-convolution/depthwise-cost';
		const p = 'const depthwiseCost = undefined;';
		expect(await attempt(key, p, 'const depthwiseCost = D_K * D_K * M * 64 * D_F * D_F;')).toEqual({
			ok: false,
			hint: 'cell_hint_depthwise_no_n'
		});
		expect(await attempt(key, p, 'const depthwiseCost = D_K * M * D_F * D_F;')).toEqual({
			ok: false,
			hint: 'cell_hint_kernel_squared'
		});
		expect(await attempt(key, p, 'const depthwiseCost = D_K * D_K * M;')).toEqual({
			ok: false,
			hint: 'cell_hint_every_position'
		});
		expect(await attempt(key, p, 'const depthwiseCost = D_K ** 2 * M * D_F ** 2;')).toEqual({
			ok: true
		});
	});

	it('separable block in tfjs', async () => {
		const key = 'depthwise-separable-convolution/separable-block';
		const p = 'model.add(tf.layers.inputLayer({ inputShape: [56, 56, M] }));';
		const depthwise = 'model.add(tf.layers.depthwiseConv2d({ kernelSize: 3, padding: "same" }));';
		const pointwise = 'model.add(tf.layers.conv2d({ filters: N, kernelSize: 1 }));';
		expect(await attempt(key, p, `${p}\n${depthwise}`)).toEqual({
			ok: false,
			hint: 'cell_hint_block_pointwise'
		});
		expect(await attempt(key, p, `${p}\n${pointwise}`)).toEqual({
			ok: false,
			hint: 'cell_hint_block_depthwise'
		});
		expect(await attempt(key, p, `${p}\n${pointwise}\n${depthwise}`)).toEqual({
			ok: false,
			hint: 'cell_hint_block_order'
		});
		expect(
			await attempt(key, p, `${p}\nmodel.add(tf.layers.conv2d({ filters: N, kernelSize: 3 }));`)
		).toEqual({ ok: false, hint: 'cell_hint_block_depthwise' });
		expect(await attempt(key, p, `${p}\n${depthwise}\n${pointwise}`)).toEqual({ ok: true });
		expect(
			await attempt(
				key,
				p,
				`${p}\nmodel.add(tf.layers.separableConv2d({ filters: N, kernelSize: 3 }));`
			)
		).toEqual({ ok: true });
	});

	it('1×1 convolution as a matrix product', async () => {
		const key = 'pointwise-convolution/pointwise-matmul';
		const p = 'const viaMatmul = undefined;';
		expect(
			await attempt(
				key,
				p,
				'const viaMatmul = tf.matMul(x.reshape([H * W, M]), w.reshape([M, N]));'
			)
		).toEqual({ ok: false, hint: 'cell_hint_matmul_shape' });
		expect(
			await attempt(
				key,
				p,
				'const viaMatmul = tf.matMul(x.reshape([H * W, M]), w.reshape([M, N]).reverse(0)).reshape([1, H, W, N]);'
			)
		).toEqual({ ok: false, hint: 'cell_hint_matmul_values' });
		expect(await attempt(key, p, "const viaMatmul = tf.conv2d(x, w, 1, 'valid');")).toEqual({
			ok: false,
			hint: 'cell_hint_matmul_missing'
		});
	});

	it('α and ρ', async () => {
		const key = 'width-and-resolution/alpha-rho-prediction';
		const p = 'const predicted = undefined;';
		expect(await attempt(key, p, 'const predicted = alpha * rho;')).toEqual({
			ok: false,
			hint: 'cell_hint_square_both'
		});
		expect(await attempt(key, p, 'const predicted = alpha * rho ** 2;')).toEqual({
			ok: false,
			hint: 'cell_hint_square_alpha'
		});
		expect(await attempt(key, p, 'const predicted = alpha ** 2 * rho;')).toEqual({
			ok: false,
			hint: 'cell_hint_square_rho'
		});
	});

	it('inverted residual block', async () => {
		const key = 'mobilenet-v2/inverted-residual-params';
		const p = 'const params = undefined;';
		expect(await attempt(key, p, 'const params = M * t * M + t * M * N;')).toEqual({
			ok: false,
			hint: 'cell_hint_depthwise_expanded'
		});
		expect(await attempt(key, p, 'const params = M * t * M + 9 * M + t * M * N;')).toEqual({
			ok: false,
			hint: 'cell_hint_depthwise_expanded'
		});
		expect(await attempt(key, p, 'const params = 9 * t * M + t * M * N;')).toEqual({
			ok: false,
			hint: 'cell_hint_expansion'
		});
		expect(await attempt(key, p, 'const params = M * t * M + 9 * t * M;')).toEqual({
			ok: false,
			hint: 'cell_hint_projection'
		});
	});

	it("the playground's pointwise cost", async () => {
		const key = 'playground/exercise';
		const p = 'const cost = undefined;';
		expect(await attempt(key, p, 'const cost = 3 * 3 * M * N * D_F * D_F;')).toEqual({
			ok: false,
			hint: 'cell_hint_pointwise_no_kernel'
		});
		expect(await attempt(key, p, 'const cost = M * N * D_F;')).toEqual({
			ok: false,
			hint: 'cell_hint_every_position'
		});
	});
});
