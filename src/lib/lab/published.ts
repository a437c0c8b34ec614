/**
 * The printed figures (src/lib/architecture/published.ts) that describe the lab's current
 * configuration, so the page can set the computed count beside what the papers say.
 */
import {
	DEFAULT_CONFIG,
	TF_SLIM_V1,
	TF_SLIM_V2_V3,
	TFLITE_HOSTED_MODELS,
	V1_PAPER,
	V1_TABLE2,
	V2_PAPER,
	V3_PAPER,
	figureRows
} from '$lib/architecture';
import type { Citation, FigureRow, FigureTable, LayerKind } from '$lib/architecture';
import type { LabConfig } from './query';

export type SourceId =
	'v1-paper' | 'v2-paper' | 'v3-paper' | 'slim-v1' | 'slim-v2-v3' | 'tflite-hosted';

export interface PublishedFigure {
	source: SourceId;
	/** Table numbers as printed ('4', '6'); empty for the checkpoint pages, which have one table. */
	tables: string[];
	multAddsM: number;
	paramsM: number;
}

const SOURCES: ReadonlyArray<readonly [Citation, SourceId]> = [
	[V1_PAPER, 'v1-paper'],
	[V2_PAPER, 'v2-paper'],
	[V3_PAPER, 'v3-paper'],
	[TF_SLIM_V1, 'slim-v1'],
	[TF_SLIM_V2_V3, 'slim-v2-v3'],
	[TFLITE_HOSTED_MODELS, 'tflite-hosted']
];

export function sourceId(citation: Citation): SourceId {
	const found = SOURCES.find(([c]) => c === citation);
	if (found === undefined) throw new Error(`Unknown citation: ${citation.label}`);
	return found[1];
}

/** The tables whose rows the lab sets beside its counts, where a row names its network. */
const TABLES: readonly FigureTable[] = [
	'v1-table6',
	'v1-table7',
	'v1-table4',
	'comparison',
	'v3-table3',
	'v1-checkpoints',
	'v2-checkpoints',
	'v3-checkpoints'
];

type Row = FigureRow & Required<Pick<FigureRow, 'config' | 'multAdds' | 'params'>>;

const ROWS: Row[] = TABLES.flatMap((table) => figureRows(table)).filter(
	(r): r is Row => r.config !== undefined && r.multAdds !== undefined && r.params !== undefined
);
const SOURCE_ORDER = SOURCES.map(([, id]) => id);

/**
 * Published figures for this configuration, one entry per source and pair of figures: the V1
 * paper prints 569M / 4.2M in four tables, and that is one entry citing all four.
 */
export function publishedFigures(config: LabConfig): PublishedFigure[] {
	const entries: PublishedFigure[] = [];
	const matching = ROWS.filter(
		({ config: c }) =>
			c.version === config.version &&
			Math.abs(c.alpha - config.alpha) < 1e-9 &&
			c.resolution === config.resolution
	);
	for (const row of matching) {
		const source = sourceId(row.source);
		const same = entries.find(
			(e) => e.source === source && e.multAddsM === row.multAdds && e.paramsM === row.params
		);
		const entry = same ?? { source, tables: [], multAddsM: row.multAdds, paramsM: row.params };
		if (same === undefined) entries.push(entry);
		const table = row.table === null ? null : String(row.table);
		if (table !== null && !entry.tables.includes(table)) entry.tables.push(table);
	}
	for (const entry of entries) entry.tables.sort((a, b) => Number(a) - Number(b));
	return entries.sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source));
}

/** Decimals a printed figure was given with (4.24 → 2), so it is shown as printed. */
export function printedDecimals(value: number): number {
	return (String(value).split('.')[1] ?? '').length;
}

export interface PrintedKindShares {
	citation: Pick<PublishedFigure, 'source' | 'tables'>;
	/** Percent of mult-adds and of parameters per layer kind, as printed. */
	shares: Map<LayerKind, { multAddsPct: number; paramsPct: number }>;
}

/**
 * The V1 paper's Table 2 (share of mult-adds and parameters per layer kind), when the config
 * is the network it describes: V1 at α = 1 and 224 pixels.
 */
export function printedKindShares(config: LabConfig): PrintedKindShares | null {
	const isTable2Config =
		config.version === 'v1' &&
		config.alpha === DEFAULT_CONFIG.alpha &&
		config.resolution === DEFAULT_CONFIG.resolution &&
		config.classes === DEFAULT_CONFIG.classes;
	if (!isTable2Config) return null;
	return {
		citation: { source: sourceId(V1_PAPER), tables: ['2'] },
		shares: new Map(
			V1_TABLE2.map((r) => [r.kind, { multAddsPct: r.multAddsPct, paramsPct: r.paramsPct }])
		)
	};
}
