/**
 * The printed figures (src/lib/architecture/published.ts) that describe the lab's current
 * configuration, so the page can set the computed count beside what the papers say.
 */
import {
	COMPARISON,
	V1_TABLE2,
	DEFAULT_CONFIG,
	TF_SLIM_V1,
	TF_SLIM_V2_V3,
	TFLITE_HOSTED_MODELS,
	V1_CHECKPOINTS,
	V1_PAPER,
	V1_TABLE4,
	V1_TABLE6,
	V1_TABLE7,
	V2_CHECKPOINTS,
	V2_PAPER,
	V3_CHECKPOINTS,
	V3_LARGE_PAPER,
	V3_PAPER
} from '$lib/architecture';
import type { Citation, LayerKind, ModelFigures, Version } from '$lib/architecture';
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

interface Row {
	version: Version;
	alpha: number;
	resolution: number;
	source: SourceId;
	table: string | null;
	multAddsM: number;
	paramsM: number;
}

const BASE = DEFAULT_CONFIG.resolution;

/**
 * The models that the comparison tables name in prose; every MobileNet among them must be
 * here (a unit test checks), so a new row cannot silently go unmatched.
 */
export const COMPARISON_MODELS: Readonly<
	Record<string, Pick<Row, 'version' | 'alpha' | 'resolution'>>
> = {
	'MobileNetV1 1.0-224': { version: 'v1', alpha: 1, resolution: BASE },
	'MobileNetV1 0.50-160': { version: 'v1', alpha: 0.5, resolution: 160 },
	MobileNetV1: { version: 'v1', alpha: 1, resolution: BASE },
	MobileNetV2: { version: 'v2', alpha: 1, resolution: BASE },
	'MobileNetV2 (1.4)': { version: 'v2', alpha: 1.4, resolution: BASE },
	'MobileNetV3-Large 1.0': { version: 'v3-large', alpha: 1, resolution: BASE },
	MobileNet: { version: 'v1', alpha: 1, resolution: BASE }
};

export function tableNumber(table: string): string {
	return table.replace(/^Table\s*/, '');
}

function fromModel(figures: ModelFigures): Row[] {
	const config = COMPARISON_MODELS[figures.model];
	if (config === undefined) return [];
	return [
		{
			...config,
			source: sourceId(figures.source),
			table: tableNumber(figures.table),
			multAddsM: figures.multAddsM,
			paramsM: figures.paramsM
		}
	];
}

function allRows(): Row[] {
	const v1 = sourceId(V1_PAPER);
	return [
		...V1_TABLE6.map((r) => ({
			version: 'v1' as const,
			alpha: r.alpha,
			resolution: BASE,
			source: v1,
			table: '6',
			multAddsM: r.multAddsM,
			paramsM: r.paramsM
		})),
		...V1_TABLE7.map((r) => ({
			version: 'v1' as const,
			alpha: 1,
			resolution: r.resolution,
			source: v1,
			table: '7',
			multAddsM: r.multAddsM,
			paramsM: r.paramsM
		})),
		...[...V1_TABLE4, ...COMPARISON, V3_LARGE_PAPER].flatMap(fromModel),
		...V1_CHECKPOINTS.map((c) => ({
			version: 'v1' as const,
			alpha: c.alpha,
			resolution: c.resolution,
			source: sourceId(TF_SLIM_V1),
			table: null,
			multAddsM: c.macsM,
			paramsM: c.paramsM
		})),
		...V2_CHECKPOINTS.map((c) => ({
			version: 'v2' as const,
			alpha: c.alpha,
			resolution: c.resolution,
			source: sourceId(TF_SLIM_V2_V3),
			table: null,
			multAddsM: c.macsM,
			paramsM: c.paramsM
		})),
		...V3_CHECKPOINTS.map((c) => ({
			version: c.variant,
			alpha: c.alpha,
			resolution: BASE,
			source: sourceId(TF_SLIM_V2_V3),
			table: null,
			multAddsM: c.macsM,
			paramsM: c.paramsM
		}))
	];
}

const ROWS = allRows();
const SOURCE_ORDER = SOURCES.map(([, id]) => id);

/**
 * Published figures for this configuration, one entry per source and pair of figures: the V1
 * paper prints 569M / 4.2M in four tables, and that is one entry citing all four.
 */
export function publishedFigures(config: LabConfig): PublishedFigure[] {
	const entries: PublishedFigure[] = [];
	const matching = ROWS.filter(
		(r) =>
			r.version === config.version &&
			Math.abs(r.alpha - config.alpha) < 1e-9 &&
			r.resolution === config.resolution
	);
	for (const row of matching) {
		const same = entries.find(
			(e) => e.source === row.source && e.multAddsM === row.multAddsM && e.paramsM === row.paramsM
		);
		const entry = same ?? {
			source: row.source,
			tables: [],
			multAddsM: row.multAddsM,
			paramsM: row.paramsM
		};
		if (same === undefined) entries.push(entry);
		if (row.table !== null && !entry.tables.includes(row.table)) entry.tables.push(row.table);
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
