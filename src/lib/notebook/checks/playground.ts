import { pointwiseConvCost, standardConvCost } from '$lib/architecture';
import { answerOf, changedGivens, numericCheck, type Check } from './common';

const GIVENS = { M: 64, N: 128, D_F: 28 } as const;

/** The warm-up exercise of the playground: cost of a 1×1 convolution, M = 64, N = 128, D_F = 28. */
const pointwiseCost: Check = (context) => {
	const { M: m, N: n, D_F: df } = GIVENS;
	return (
		changedGivens(context, GIVENS) ??
		numericCheck(answerOf(context, 'cost'), pointwiseConvCost(m, n, df), [
			[standardConvCost(3, m, n, df), 'cell_hint_pointwise_no_kernel'],
			[m * n * df, 'cell_hint_every_position'],
			[m * n, 'cell_hint_every_position'],
			[m * df * df, 'cell_hint_all_channels'],
			[n * df * df, 'cell_hint_all_channels']
		])
	);
};

export const checks: Record<string, Check> = { exercise: pointwiseCost };
