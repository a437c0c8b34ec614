import { depthwiseConvParams, pointwiseConvParams } from '$lib/architecture';
import { answerOf, changedGivens, numericCheck, type Check } from './common';

const GIVENS = { M: 24, t: 6, N: 32 } as const;
const KERNEL = 3;

/** Weights of an inverted residual block: expand 1×1, depthwise 3×3, project 1×1. */
const invertedResidualParams: Check = (context) => {
	const { M: m, t, N: n } = GIVENS;
	const expand = pointwiseConvParams(m, t * m);
	const depthwise = depthwiseConvParams(KERNEL, t * m);
	const project = pointwiseConvParams(t * m, n);
	return (
		changedGivens(context, GIVENS) ??
		numericCheck(answerOf(context, 'params'), expand + depthwise + project, [
			[expand + project, 'cell_hint_depthwise_expanded'],
			[expand + depthwiseConvParams(KERNEL, m) + project, 'cell_hint_depthwise_expanded'],
			[depthwise + project, 'cell_hint_expansion'],
			[expand + depthwise, 'cell_hint_projection']
		])
	);
};

export const checks: Record<string, Check> = { 'inverted-residual-params': invertedResidualParams };
