/** The cost formula of a track with the current sizes substituted, for the line under its counter. */
import { outputSize } from '$lib/architecture';
import type { ConvSize, TrackKind } from './conv-steps';

/** MG: the channels a grouped filter sees, M/g. */
export type FormulaSymbol = 'DK' | 'M' | 'MG' | 'N' | 'DF';

export interface FormulaTerm {
	symbols: FormulaSymbol[];
	values: number[];
	/** The values as the line prints them: M/g as the fraction with its numbers, "(8/4)". */
	shown: string[];
	product: number;
}

export function formulaTerms(kind: TrackKind, size: ConvSize): FormulaTerm[] {
	const df = outputSize(size.df, size.stride);
	const groups = size.groups ?? 1;
	const value: Record<FormulaSymbol, number> = {
		DK: size.dk,
		M: size.m,
		MG: size.m / groups,
		N: size.n,
		DF: df
	};
	const term = (symbols: FormulaSymbol[]): FormulaTerm => {
		const values = symbols.map((s) => value[s]);
		return {
			symbols,
			values,
			shown: symbols.map((s) => (s === 'MG' ? `(${size.m}/${groups})` : String(value[s]))),
			product: values.reduce((a, b) => a * b, 1)
		};
	};
	const depthwise = term(['DK', 'DK', 'M', 'DF', 'DF']);
	const pointwise = term(['M', 'N', 'DF', 'DF']);
	switch (kind) {
		case 'standard':
			return [term(['DK', 'DK', 'M', 'N', 'DF', 'DF'])];
		case 'grouped':
			return [term(['DK', 'DK', 'MG', 'N', 'DF', 'DF'])];
		case 'depthwise':
			return [depthwise];
		case 'pointwise':
			return [pointwise];
		case 'separable':
			return [depthwise, pointwise];
	}
}
