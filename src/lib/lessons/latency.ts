/**
 * The four networks V3's Table 3 (float) and Table 4 (8-bit) both print, side by side: printed
 * top-1 and Pixel 1 latency from each table, and what follows from them (computed here, never
 * typed): the speed-up 8 bits give and the top-1 they cost.
 */
import { quote, type Quote } from './quotes';

/** Table 3's row and Table 4's row for the same network (Table 4 drops V3-Small's "1.0"). */
const PAIRS: ReadonlyArray<readonly [float: string, int8: string]> = [
	['V3-Large 1.0', 'V3-Large 1.0'],
	['V2 1.0', 'V2 1.0'],
	['V3-Small 1.0', 'V3-Small'],
	['V2 0.35', 'V2 0.35']
];

export interface LatencyRow {
	/** As Table 3 prints it. */
	model: string;
	float: { top1: Quote; latency: Quote };
	int8: { top1: Quote; latency: Quote };
	/** Float latency over 8-bit latency. */
	speedup: number;
	/** 8-bit top-1 minus float top-1, in percentage points. */
	top1Change: number;
}

export function latencyRows(): LatencyRow[] {
	return PAIRS.map(([floatRow, int8Row]) => {
		const float = {
			top1: quote('v3-table3', floatRow, 'top1'),
			latency: quote('v3-table3', floatRow, 'latency')
		};
		const int8 = {
			top1: quote('v3-table4', int8Row, 'top1'),
			latency: quote('v3-table4', int8Row, 'latency')
		};
		return {
			model: floatRow,
			float,
			int8,
			speedup: float.latency.value / int8.latency.value,
			top1Change: int8.top1.value - float.top1.value
		};
	});
}
