import { depthwiseConvCost, standardConvCost, standardConvParams } from '$lib/architecture';
import { answerOf, changedGivens, numericCheck, type Check } from './common';

const GIVENS = { D_K: 3, M: 32, N: 64, D_F: 56 } as const;

/** Cost of a standard convolution, D_K = 3, M = 32, N = 64, D_F = 56. */
const standardCost: Check = (context) => {
	const { D_K: dk, M: m, N: n, D_F: df } = GIVENS;
	return (
		changedGivens(context, GIVENS) ??
		numericCheck(answerOf(context, 'cost'), standardConvCost(dk, m, n, df), [
			[dk * m * n * df * df, 'cell_hint_kernel_squared'],
			[dk * dk * m * n * df, 'cell_hint_every_position'],
			[standardConvParams(dk, m, n), 'cell_hint_every_position'],
			[depthwiseConvCost(dk, m, df), 'cell_hint_all_channels'],
			[depthwiseConvCost(dk, n, df), 'cell_hint_all_channels']
		])
	);
};

export const checks: Record<string, Check> = { 'standard-cost': standardCost };
