/**
 * Figures quoted from the papers and the official model pages (src/lib/architecture/published.ts),
 * addressed by table, row and field so a lesson can cite one without typing it.
 */
import {
	COMPARISON,
	V1_CHECKPOINTS,
	V1_PAPER,
	V1_TABLE3,
	V1_TABLE4,
	V1_TABLE6,
	V1_TABLE7,
	V2_CHECKPOINTS,
	V3_CHECKPOINTS,
	V3_LARGE_PAPER,
	TF_SLIM_V1,
	TF_SLIM_V2_V3
} from '$lib/architecture';
import type { Citation } from '$lib/architecture';

export type QuoteTable =
	| 'comparison'
	| 'v1-table3'
	| 'v1-table4'
	| 'v1-table6'
	| 'v1-table7'
	| 'v1-checkpoints'
	| 'v2-checkpoints'
	| 'v3-checkpoints'
	| 'v3-paper';

export type QuoteField = 'top1' | 'top5' | 'multAdds' | 'params';

export interface Quote {
	value: number;
	/** top1/top5 are percentages; multAdds/params are millions. */
	unit: 'percent' | 'millions';
	/** Decimals as printed (71.5 → 1, 4.24 → 2, 569 → 0). */
	digits: number;
	source: Citation;
	/** The table's number in the paper, when the source is a paper table. */
	table: number | null;
}

interface Row {
	key: string;
	top1?: number;
	top5?: number;
	multAdds: number;
	params: number;
	table: number | null;
	source: Citation;
}

/** '0.75', '1.0' → the same key whichever way a lesson writes the multiplier. */
function alphaKey(alpha: number): string {
	return Number.isInteger(alpha) ? alpha.toFixed(1) : String(alpha);
}

function tableNumber(label: string): number | null {
	const match = /Table (\d+)/.exec(label);
	return match?.[1] ? Number(match[1]) : null;
}

const TABLES: Record<QuoteTable, () => Row[]> = {
	comparison: () =>
		COMPARISON.map((r) => ({
			key: r.model,
			top1: r.top1,
			multAdds: r.multAddsM,
			params: r.paramsM,
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
	'v3-paper': () => [
		{
			key: 'large-1.0',
			top1: V3_LARGE_PAPER.top1,
			multAdds: V3_LARGE_PAPER.multAddsM,
			params: V3_LARGE_PAPER.paramsM,
			table: tableNumber(V3_LARGE_PAPER.table),
			source: V3_LARGE_PAPER.source
		}
	]
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
		unit: field === 'top1' || field === 'top5' ? 'percent' : 'millions',
		digits: decimals(value),
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
