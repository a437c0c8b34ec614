/**
 * MobileNets against the networks they were measured against: printed accuracy, size and cost
 * (with their sources), and for MobileNets what the engine counts beside the printed figures.
 */
import type { Citation, Version } from '$lib/architecture';
import { specFor } from './numbers';
import { quote, type QuoteField, type QuoteTable } from './quotes';

interface RowSource {
	model: string;
	from: QuoteTable;
	row: string;
	/** The engine's network for MobileNet rows. */
	engine?: { net: Version; alpha: number; res: number };
}

/** Printed figures: ImageNet top-1/top-5 (%), mult-adds and parameters (millions). */
const ROWS: readonly RowSource[] = [
	{ model: 'VGG 16', from: 'comparison', row: 'VGG 16' },
	{ model: 'GoogLeNet', from: 'comparison', row: 'GoogLeNet' },
	{ model: 'AlexNet', from: 'comparison', row: 'AlexNet' },
	{ model: 'SqueezeNet', from: 'comparison', row: 'SqueezeNet' },
	{
		model: 'MobileNetV1 1.0-224',
		from: 'v1-checkpoints',
		row: '1.0-224',
		engine: { net: 'v1', alpha: 1, res: 224 }
	},
	{
		model: 'MobileNetV1 0.5-160',
		from: 'v1-checkpoints',
		row: '0.5-160',
		engine: { net: 'v1', alpha: 0.5, res: 160 }
	},
	{
		model: 'MobileNetV2 1.0-224',
		from: 'v2-checkpoints',
		row: '1.0-224',
		engine: { net: 'v2', alpha: 1, res: 224 }
	},
	{
		model: 'MobileNetV2 1.4-224',
		from: 'v2-checkpoints',
		row: '1.4-224',
		engine: { net: 'v2', alpha: 1.4, res: 224 }
	},
	{
		model: 'MobileNetV3-Large 1.0',
		from: 'v3-checkpoints',
		row: 'large-1.0',
		engine: { net: 'v3-large', alpha: 1, res: 224 }
	},
	{
		model: 'MobileNetV3-Small 1.0',
		from: 'v3-checkpoints',
		row: 'small-1.0',
		engine: { net: 'v3-small', alpha: 1, res: 224 }
	}
];

export interface Printed {
	value: number;
	digits: number;
}

export interface ComparisonRow {
	model: string;
	mobile: boolean;
	top1: Printed;
	top5: Printed | null;
	multAddsM: Printed;
	paramsM: Printed;
	source: Citation;
	table: number | null;
	/** What the engine counts for the MobileNets (exact counts, not millions). */
	computed: { macs: number; params: number } | null;
}

function printed(from: QuoteTable, row: string, field: QuoteField): Printed | null {
	try {
		const q = quote(from, row, field);
		return { value: q.value, digits: q.digits };
	} catch {
		return null;
	}
}

export function comparisonRows(): ComparisonRow[] {
	return ROWS.map(({ model, from, row, engine }) => {
		const top1 = quote(from, row, 'top1');
		const multAdds = quote(from, row, 'multAdds');
		const params = quote(from, row, 'params');
		const spec = engine ? specFor(engine.net, engine.alpha, engine.res) : null;
		return {
			model,
			mobile: engine !== undefined,
			top1: { value: top1.value, digits: top1.digits },
			top5: printed(from, row, 'top5'),
			multAddsM: { value: multAdds.value, digits: multAdds.digits },
			paramsM: { value: params.value, digits: params.digits },
			source: top1.source,
			table: top1.table,
			computed: spec ? { macs: spec.totals.macs, params: spec.totals.params } : null
		};
	});
}

export type SortKey = 'model' | 'top1' | 'multAdds' | 'params';

export function sortRows(
	rows: readonly ComparisonRow[],
	key: SortKey,
	direction: 'ascending' | 'descending'
): ComparisonRow[] {
	const value = (row: ComparisonRow): number | string =>
		key === 'model'
			? row.model
			: key === 'top1'
				? row.top1.value
				: key === 'multAdds'
					? (row.computed?.macs ?? row.multAddsM.value * 1e6)
					: (row.computed?.params ?? row.paramsM.value * 1e6);
	const sign = direction === 'ascending' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = value(a);
		const y = value(b);
		return sign * (typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y));
	});
}
