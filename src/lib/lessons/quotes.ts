/**
 * Figures quoted from the papers and the official model pages (src/lib/architecture/figures.ts),
 * addressed by table, row and field so a lesson can cite one without typing it.
 */
import { figureRows } from '$lib/architecture';
import type { Citation, FigureField, FigureTable } from '$lib/architecture';

export type QuoteTable = FigureTable;
export type QuoteField = FigureField;

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

/** Decimals of a number as a JavaScript literal prints it (the paper's precision). */
function decimals(value: number): number {
	return String(value).split('.')[1]?.length ?? 0;
}

/** The row keys a table offers (for error messages and tests). */
export function quoteKeys(table: QuoteTable): string[] {
	return figureRows(table).map((row) => row.key);
}

/** One printed figure. Unknown tables, rows or fields throw, so a typo fails the build. */
export function quote(table: QuoteTable, row: string, field: QuoteField): Quote {
	const found = figureRows(table).find((r) => r.key === row);
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
