import { depthwiseConvCost, depthwiseConvParams } from '$lib/architecture';
import type { CheckResult } from '../protocol';
import { RIGHT, answerOf, changedGivens, numericCheck, wrong, type Check } from './common';

const COST_GIVENS = { D_K: 3, M: 32, D_F: 56 } as const;

/** Cost of a depthwise convolution, D_K = 3, M = 32, D_F = 56. */
const depthwiseCost: Check = (context) => {
	const { D_K: dk, M: m, D_F: df } = COST_GIVENS;
	const expected = depthwiseConvCost(dk, m, df);
	const answer = answerOf(context, 'depthwiseCost');
	const givens = changedGivens(context, COST_GIVENS);
	if (givens) return givens;
	// A whole multiple of the answer: some channel count N crept in, as in a standard convolution.
	if (typeof answer === 'number' && answer > expected && answer % expected === 0) {
		return wrong('cell_hint_depthwise_no_n');
	}
	return numericCheck(answer, expected, [
		[dk * m * df * df, 'cell_hint_kernel_squared'],
		[dk * dk * m * df, 'cell_hint_every_position'],
		[depthwiseConvParams(dk, m), 'cell_hint_every_position']
	]);
};

const BLOCK_GIVENS = { M: 32, N: 64, D_K: 3 } as const;

/** The parts of a tfjs layer a check reads. */
interface LayerLike {
	getClassName(): string;
	getConfig(): Record<string, unknown>;
}

interface ModelLike {
	layers: LayerLike[];
	inputs: { shape: (number | null)[] }[];
}

function isModel(value: unknown): value is ModelLike {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return Array.isArray(v.layers) && Array.isArray(v.inputs) && typeof v.countParams === 'function';
}

function kernelIs(layer: LayerLike, size: number): boolean {
	const kernel = layer.getConfig().kernelSize;
	const sides = Array.isArray(kernel) ? kernel : [kernel, kernel];
	return sides.every((side) => side === size);
}

const depthMultiplierOne = (layer: LayerLike) => (layer.getConfig().depthMultiplier ?? 1) === 1;

/** A depthwise separable block in tfjs: depthwise 3×3 then pointwise 1×1 to 64, on 32 channels. */
const separableBlock: Check = (context): CheckResult => {
	const model = context.scope.model;
	if (!isModel(model)) return wrong('cell_hint_model_missing');
	const { M: m, N: n, D_K: dk } = BLOCK_GIVENS;
	if (changedGivens(context, BLOCK_GIVENS) || model.inputs[0]?.shape.at(-1) !== m) {
		return wrong('cell_hint_givens_changed');
	}
	const convolutions = model.layers.filter((layer) =>
		['Conv2D', 'DepthwiseConv2D', 'SeparableConv2D'].includes(layer.getClassName())
	);
	const [first, second, ...rest] = convolutions;
	if (rest.length > 0 || first === undefined) return wrong('cell_hint_block_depthwise');
	if (first.getClassName() === 'SeparableConv2D' && second === undefined) {
		const ok = kernelIs(first, dk) && depthMultiplierOne(first) && first.getConfig().filters === n;
		return ok ? RIGHT : wrong('cell_hint_block_pointwise');
	}
	const isDepthwise = (l: LayerLike) =>
		l.getClassName() === 'DepthwiseConv2D' && kernelIs(l, dk) && depthMultiplierOne(l);
	const isPointwise = (l: LayerLike) =>
		l.getClassName() === 'Conv2D' && kernelIs(l, 1) && l.getConfig().filters === n;
	if (second && isPointwise(first) && isDepthwise(second)) return wrong('cell_hint_block_order');
	if (!isDepthwise(first)) return wrong('cell_hint_block_depthwise');
	if (!second || !isPointwise(second)) return wrong('cell_hint_block_pointwise');
	return RIGHT;
};

export const checks: Record<string, Check> = {
	'depthwise-cost': depthwiseCost,
	'separable-block': separableBlock
};
