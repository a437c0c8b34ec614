/**
 * Figures quoted from the papers and the official model pages (src/lib/architecture/published.ts),
 * addressed by table, row and field so a lesson can cite one without typing it.
 */
import {
	COMPARISON,
	KERAS_XCEPTION,
	OPENVINO_FLOPS,
	TORCHVISION_FLOPS,
	V1_CHECKPOINTS,
	V1_PAPER,
	V1_PLANET_SIZES,
	V1_TABLE3,
	V1_TABLE4,
	V1_TABLE5,
	V1_TABLE6,
	V1_TABLE7,
	V1_TABLE10,
	V1_TABLE11,
	V1_TABLE12,
	V1_TABLE13,
	V1_TABLE14,
	V2_CHECKPOINTS,
	V2_TABLE3,
	V2_TABLE6,
	V2_TABLE7,
	V3_CHECKPOINTS,
	V3_REDESIGN,
	V3_TABLE3,
	V3_TABLE4,
	V3_TABLE5,
	V3_TABLE6,
	TF_SLIM_V1,
	TF_SLIM_V2_V3,
	TFLITE_HOSTED_MODELS,
	TFLITE_QUANT_CHECKPOINTS
} from '$lib/architecture';
import type { Citation, PrintedTable } from '$lib/architecture';

/** Printed tables that are quoted as they are (see PrintedTable in published.ts). */
const PRINTED = {
	'v1-table5': V1_TABLE5,
	'v1-table10': V1_TABLE10,
	'v1-table11': V1_TABLE11,
	'v1-planet': V1_PLANET_SIZES,
	'v1-table12': V1_TABLE12,
	'v1-table13': V1_TABLE13,
	'v1-table14': V1_TABLE14,
	'v2-table3': V2_TABLE3,
	'v2-table6': V2_TABLE6,
	'v2-table7': V2_TABLE7,
	'v3-table3': V3_TABLE3,
	'v3-table4': V3_TABLE4,
	'v3-table5': V3_TABLE5,
	'v3-table6': V3_TABLE6,
	'v3-redesign': V3_REDESIGN,
	'torchvision-flops': TORCHVISION_FLOPS,
	'openvino-flops': OPENVINO_FLOPS,
	'keras-xception': KERAS_XCEPTION
} as const satisfies Record<string, PrintedTable>;

export type QuoteTable =
	| 'comparison'
	| 'v1-table3'
	| 'v1-table4'
	| 'v1-table6'
	| 'v1-table7'
	| 'v1-checkpoints'
	| 'v2-checkpoints'
	| 'v3-checkpoints'
	| 'tflite-quant'
	| keyof typeof PRINTED;

export type QuoteField =
	| 'top1'
	| 'top5'
	| 'multAdds'
	| 'params'
	| 'multAddsB'
	| 'gflops'
	| 'latency'
	| 'map'
	| 'miou'
	| 'accuracy'
	| 'share'
	| 'memory';

export type QuoteUnit = 'percent' | 'millions' | 'billions' | 'ms' | 'kilobytes';

const UNITS: Record<QuoteField, QuoteUnit> = {
	top1: 'percent',
	top5: 'percent',
	map: 'percent',
	miou: 'percent',
	accuracy: 'percent',
	share: 'percent',
	multAdds: 'millions',
	params: 'millions',
	multAddsB: 'billions',
	gflops: 'billions',
	latency: 'ms',
	memory: 'kilobytes'
};

export interface Quote {
	value: number;
	/** Percent fields are percentages; the others are in the unit the prose names. */
	unit: QuoteUnit;
	/** Decimals as printed (71.5 → 1, 4.24 → 2, 569 → 0). */
	digits: number;
	source: Citation;
	/** The table's number in the paper, when the source is a paper table. */
	table: number | null;
}

type Row = {
	key: string;
	table: number | null;
	source: Citation;
	/** Decimals as printed, where the figure's literal drops a trailing zero. */
	digits?: Partial<Record<QuoteField, number>>;
} & Partial<Record<QuoteField, number>>;

/** '0.75', '1.0' → the same key whichever way a lesson writes the multiplier. */
function alphaKey(alpha: number): string {
	return Number.isInteger(alpha) ? alpha.toFixed(1) : String(alpha);
}

function tableNumber(label: string | null): number | null {
	const match = label === null ? null : /Table (\d+)/.exec(label);
	return match?.[1] ? Number(match[1]) : null;
}

function printedRows({ source, table, digits, rows }: PrintedTable): Row[] {
	return rows.map(({ row, ...figures }) => ({
		key: row,
		table: tableNumber(table),
		source,
		...(digits && { digits }),
		...figures
	}));
}

const TABLES: Record<QuoteTable, () => Row[]> = {
	comparison: () =>
		COMPARISON.map((r) => ({
			key: r.model,
			top1: r.top1,
			multAdds: r.multAddsM,
			params: r.paramsM,
			...(r.latencyMs !== undefined && { latency: r.latencyMs }),
			digits: { top1: 1 },
			table: tableNumber(r.table),
			source: r.source
		})),
	'v1-table3': () =>
		V1_TABLE3.map((r) => ({
			key: r.layer,
			multAdds: r.multAddsM,
			params: r.paramsM,
			table: 3,
			source: V1_PAPER
		})),
	'v1-table4': () =>
		V1_TABLE4.map((r) => ({
			key: r.model,
			top1: r.top1,
			multAdds: r.multAddsM,
			params: r.paramsM,
			table: 4,
			source: r.source
		})),
	'v1-table6': () =>
		V1_TABLE6.map((r) => ({
			key: alphaKey(r.alpha),
			top1: r.top1,
			multAdds: r.multAddsM,
			params: r.paramsM,
			table: 6,
			source: V1_PAPER
		})),
	'v1-table7': () =>
		V1_TABLE7.map((r) => ({
			key: String(r.resolution),
			top1: r.top1,
			multAdds: r.multAddsM,
			params: r.paramsM,
			table: 7,
			source: V1_PAPER
		})),
	'v1-checkpoints': () =>
		V1_CHECKPOINTS.map((r) => ({
			key: `${alphaKey(r.alpha)}-${r.resolution}`,
			top1: r.top1,
			top5: r.top5,
			digits: { top1: 1, top5: 1 },
			multAdds: r.macsM,
			params: r.paramsM,
			table: null,
			source: TF_SLIM_V1
		})),
	'v2-checkpoints': () =>
		V2_CHECKPOINTS.map((r) => ({
			key: `${alphaKey(r.alpha)}-${r.resolution}`,
			top1: r.top1,
			top5: r.top5,
			multAdds: r.macsM,
			params: r.paramsM,
			latency: r.latencyMs,
			digits: { top1: 1, top5: 1, latency: 1 },
			table: null,
			source: TF_SLIM_V2_V3
		})),
	'v3-checkpoints': () =>
		V3_CHECKPOINTS.map((r) => ({
			key: `${r.variant.replace('v3-', '')}-${alphaKey(r.alpha)}`,
			top1: r.top1,
			multAdds: r.macsM,
			params: r.paramsM,
			table: null,
			source: TF_SLIM_V2_V3
		})),
	'tflite-quant': () =>
		TFLITE_QUANT_CHECKPOINTS.map((r) => ({
			key: `${r.version}-${alphaKey(r.alpha)}-${r.resolution}`,
			top1: r.top1,
			top5: r.top5,
			digits: { top1: 1, top5: 1 },
			table: null,
			source: TFLITE_HOSTED_MODELS
		})),
	...(Object.fromEntries(
		Object.entries(PRINTED).map(([id, table]) => [id, () => printedRows(table)])
	) as Record<keyof typeof PRINTED, () => Row[]>)
};

/** Decimals of a number as a JavaScript literal prints it (the paper's precision). */
function decimals(value: number): number {
	return String(value).split('.')[1]?.length ?? 0;
}

/** The row keys a table offers (for error messages and tests). */
export function quoteKeys(table: QuoteTable): string[] {
	return TABLES[table]().map((row) => row.key);
}

/** One printed figure. Unknown tables, rows or fields throw, so a typo fails the build. */
export function quote(table: QuoteTable, row: string, field: QuoteField): Quote {
	const rows = TABLES[table]?.();
	if (!rows) throw new Error(`unknown quote table ${table}`);
	const found = rows.find((r) => r.key === row);
	if (!found) throw new Error(`${table} has no row "${row}"; rows: ${quoteKeys(table).join(', ')}`);
	const value = found[field];
	if (value === undefined) throw new Error(`${table} "${row}" prints no ${field}`);
	return {
		value,
		unit: UNITS[field],
		digits: found.digits?.[field] ?? decimals(value),
		source: found.source,
		table: found.table
	};
}

/** 'Howard et al. 2017', or the publisher for an unsigned page ('TensorFlow Models 2018'). */
export function shortCitation(citation: Citation): string {
	const authors = citation.authors.split(',').map((name) => name.trim());
	const first = authors[0] ?? citation.label;
	if (authors.length > 1) return `${first} et al. ${citation.year}`;
	return `${first.replace(/ authors$/, '')} ${citation.year}`;
}
