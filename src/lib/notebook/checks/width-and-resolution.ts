import { DEFAULT_CONFIG } from '$lib/architecture';
import { answerOf, changedGivens, numericCheck, type Check } from './common';

const GIVENS = { alpha: 0.5, resolution: 160 } as const;

/** The cost ratio α²ρ² predicted for α = 0.5 at 160 px against the 224 px base model. */
const alphaRhoPrediction: Check = (context) => {
	const alpha = GIVENS.alpha;
	const rho = GIVENS.resolution / DEFAULT_CONFIG.resolution;
	return (
		changedGivens(context, GIVENS) ??
		numericCheck(answerOf(context, 'predicted'), alpha ** 2 * rho ** 2, [
			[alpha * rho, 'cell_hint_square_both'],
			[alpha * rho ** 2, 'cell_hint_square_alpha'],
			[alpha ** 2 * rho, 'cell_hint_square_rho']
		])
	);
};

export const checks: Record<string, Check> = { 'alpha-rho-prediction': alphaRhoPrediction };
