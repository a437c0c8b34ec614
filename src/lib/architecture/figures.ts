/**
 * Every published table (published.ts) in one shape, once: rows addressed by table and key, each
 * figure under one field name, with its source, table number and printed precision, and, where a
 * row describes a network the engine builds, that network's configuration. Lessons quote these
 * rows (src/lib/lessons/quotes.ts); the lab matches them to its configuration
 * (src/lib/lab/published.ts).
 */
import {
	COMPARISON,
	KERAS_XCEPTION,
	OPENVINO_FLOPS,
	TF_SLIM_V1,
	TF_SLIM_V2_V3,
	TFLITE_HOSTED_MODELS,
	TFLITE_QUANT_CHECKPOINTS,
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
	type Citation,
	type ModelFigures,
	type PrintedRow,
	type PrintedTable
} from './published';
import { DEFAULT_CONFIG } from './config';
import type { Version } from './types';

/** Printed tables that are read as they are. */
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

export type FigureTable =
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

export type FigureField = Exclude<keyof PrintedRow, 'row'>;

/** A network the engine builds, as a row describes it. */
export interface FigureConfig {
	version: Version;
	alpha: number;
	resolution: number;
}

export type FigureRow = {
	key: string;
	/** The table's number in its paper; null for a model page or a figure in the text. */
	table: number | null;
	source: Citation;
	/** Decimals as printed, where the figure's literal drops a trailing zero. */
	digits?: Partial<Record<FigureField, number>>;
	/** The network the row describes, where the engine builds it. */
	config?: FigureConfig;
} & Partial<Record<FigureField, number>>;

const BASE = DEFAULT_CONFIG.resolution;

/**
 * The networks the papers' comparison tables name: every MobileNet among them must be here (a
 * unit test checks), so a new row cannot silently go unmatched.
 */
export const COMPARISON_MODELS: Readonly<Record<string, FigureConfig>> = {
	'MobileNetV1 1.0-224': { version: 'v1', alpha: 1, resolution: BASE },
	'MobileNetV1 0.50-160': { version: 'v1', alpha: 0.5, resolution: 160 },
	MobileNetV1: { version: 'v1', alpha: 1, resolution: BASE },
	MobileNetV2: { version: 'v2', alpha: 1, resolution: BASE },
	'MobileNetV2 (1.4)': { version: 'v2', alpha: 1.4, resolution: BASE },
	'MobileNetV3-Large 1.0': { version: 'v3-large', alpha: 1, resolution: BASE },
	MobileNet: { version: 'v1', alpha: 1, resolution: BASE }
};

/** Rows of printed tables that describe a network the engine builds, by table and row. */
const PRINTED_CONFIGS: Partial<Record<keyof typeof PRINTED, Record<string, FigureConfig>>> = {
	'v3-table3': { 'V3-Large 1.0': COMPARISON_MODELS['MobileNetV3-Large 1.0']! }
};

/** '0.75', '1.0' → the same key whichever way a lesson writes the multiplier. */
function alphaKey(alpha: number): string {
	return Number.isInteger(alpha) ? alpha.toFixed(1) : String(alpha);
}

/** 'Table 4' → 4; null for a figure that is in no numbered table. */
function tableNumber(label: string | null): number | null {
	const match = label === null ? null : /Table (\d+)/.exec(label);
	return match?.[1] ? Number(match[1]) : null;
}

function printedRows(id: keyof typeof PRINTED): FigureRow[] {
	const { source, table, digits, rows } = PRINTED[id] as PrintedTable;
	const configs = PRINTED_CONFIGS[id];
	return rows.map(({ row, ...figures }) => ({
		key: row,
		table: tableNumber(table),
		source,
		...(digits && { digits }),
		...(configs?.[row] && { config: configs[row] }),
		...figures
	}));
}

/** A comparison table's row: a model, its figures and, for a MobileNet, its network. */
function modelRow(r: ModelFigures, digits?: FigureRow['digits']): FigureRow {
	const config = COMPARISON_MODELS[r.model];
	return {
		key: r.model,
		top1: r.top1,
		multAdds: r.multAddsM,
		params: r.paramsM,
		...(r.latencyMs !== undefined && { latency: r.latencyMs }),
		...(digits && { digits }),
		...(config && { config }),
		table: tableNumber(r.table),
		source: r.source
	};
}

const TABLES: Record<FigureTable, () => FigureRow[]> = {
	comparison: () => COMPARISON.map((r) => modelRow(r, { top1: 1 })),
	'v1-table3': () =>
		V1_TABLE3.map((r) => ({
			key: r.layer,
			multAdds: r.multAddsM,
			params: r.paramsM,
			table: 3,
			source: V1_PAPER
		})),
	'v1-table4': () => V1_TABLE4.map((r) => modelRow(r)),
	'v1-table6': () =>
		V1_TABLE6.map((r) => ({
			key: alphaKey(r.alpha),
			top1: r.top1,
			multAdds: r.multAddsM,
			params: r.paramsM,
			config: { version: 'v1', alpha: r.alpha, resolution: BASE },
			table: 6,
			source: V1_PAPER
		})),
	'v1-table7': () =>
		V1_TABLE7.map((r) => ({
			key: String(r.resolution),
			top1: r.top1,
			multAdds: r.multAddsM,
			params: r.paramsM,
			config: { version: 'v1', alpha: 1, resolution: r.resolution },
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
			config: { version: 'v1', alpha: r.alpha, resolution: r.resolution },
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
			config: { version: 'v2', alpha: r.alpha, resolution: r.resolution },
			table: null,
			source: TF_SLIM_V2_V3
		})),
	'v3-checkpoints': () =>
		V3_CHECKPOINTS.map((r) => ({
			key: `${r.variant.replace('v3-', '')}-${alphaKey(r.alpha)}`,
			top1: r.top1,
			multAdds: r.macsM,
			params: r.paramsM,
			config: { version: r.variant, alpha: r.alpha, resolution: BASE },
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
		Object.keys(PRINTED).map((id) => [id, () => printedRows(id as keyof typeof PRINTED)])
	) as Record<keyof typeof PRINTED, () => FigureRow[]>)
};

const read = new Map<FigureTable, readonly FigureRow[]>();

/** A table's rows, read on first use; an unknown table throws, so a typo fails the build. */
export function figureRows(table: FigureTable): readonly FigureRow[] {
	let rows = read.get(table);
	if (!rows) {
		const reader = TABLES[table];
		if (!reader) throw new Error(`unknown table of figures ${table}`);
		rows = reader();
		read.set(table, rows);
	}
	return rows;
}
