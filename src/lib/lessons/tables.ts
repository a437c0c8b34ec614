/**
 * The papers' architecture tables, rebuilt from the engine's layer specs so that every number in
 * them is computed: V1 Table 1 and Table 2, V2's (t, c, n, s) table, V3's bneck tables.
 */
import { ERRATA, V1_TABLE2 } from '$lib/architecture';
import type {
	Activation,
	ErratumValue,
	LayerKind,
	LayerSpec,
	NetworkSpec,
	Shape
} from '$lib/architecture';

/** A value the paper prints differently from what the layers give. */
export interface TableErratum {
	id: string;
	printed: readonly ErratumValue[];
}

function erratum(id: string): TableErratum {
	const found = ERRATA.find((e) => e.id === id);
	if (!found) throw new Error(`unknown erratum ${id}`);
	return { id, printed: found.printed };
}

/** Consecutive layers sharing a `block` label, in network order. */
export function blocksOf(spec: NetworkSpec): Array<{ block: string; layers: LayerSpec[] }> {
	const blocks: Array<{ block: string; layers: LayerSpec[] }> = [];
	for (const layer of spec.layers) {
		const last = blocks[blocks.length - 1];
		if (last && last.block === layer.block) last.layers.push(layer);
		else blocks.push({ block: layer.block, layers: [layer] });
	}
	return blocks;
}

// ---------------------------------------------------------------- V1, Table 1

export type V1Op = 'conv' | 'depthwise' | 'pointwise' | 'pool' | 'fc' | 'softmax';

export interface V1Row {
	op: V1Op;
	stride: number;
	/** Filter shape as Table 1 prints it: k×k×M×N, k×k×M (dw), pool k×k, M×N (FC); [] for softmax. */
	filter: number[];
	input: Shape;
	/** How many times this row (with the next one, for a dw/pw pair) repeats: Table 1's "5×". */
	repeat: number;
	/** Of one layer of the row. */
	macs: number;
	params: number;
	/** Keras name of the (first) layer, for keys and anchors. */
	layer: string;
	erratum?: TableErratum;
}

/** The layer's kind as a table operation, refusing kinds the table has no row type for. */
function asOp<T extends string>(layer: LayerSpec, ops: readonly T[]): T {
	const op = ops.find((candidate) => candidate === layer.kind);
	if (!op) throw new Error(`${layer.name}: no table row for a ${layer.kind} layer`);
	return op;
}

const V1_ERRATA: Record<string, string> = { conv_dw_13: 'v1-dw13-stride' };

function v1Row(layer: LayerSpec): V1Row {
	const [, , m] = layer.input;
	const n = layer.output[2];
	const filter =
		layer.kind === 'depthwise'
			? [layer.kernel, layer.kernel, m]
			: layer.kind === 'pool'
				? [layer.kernel, layer.kernel]
				: layer.kind === 'fc'
					? [m, n]
					: [layer.kernel, layer.kernel, m, n];
	const erratumId = V1_ERRATA[layer.name];
	return {
		op: asOp(layer, ['conv', 'depthwise', 'pointwise', 'pool', 'fc']),
		stride: layer.stride,
		filter,
		input: layer.input,
		repeat: 1,
		macs: layer.macs,
		params: layer.params,
		layer: layer.name,
		...(erratumId && { erratum: erratum(erratumId) })
	};
}

const sameShape = (a: Shape, b: Shape) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

function sameRow(a: V1Row, b: V1Row): boolean {
	return (
		a.op === b.op &&
		a.stride === b.stride &&
		sameShape(a.input, b.input) &&
		a.filter.join() === b.filter.join() &&
		!a.erratum &&
		!b.erratum
	);
}

/**
 * Table 1 of the V1 paper from a V1 spec. Identical consecutive depthwise/pointwise pairs are
 * folded into one pair with a repeat count, as the paper prints "5×".
 */
export function v1Table(spec: NetworkSpec): V1Row[] {
	const rows: V1Row[] = [];
	const blocks = blocksOf(spec);
	for (const { layers } of blocks) {
		const pair = layers.map(v1Row);
		const prevPair = rows.slice(-2);
		const [a, b] = pair;
		const [pa, pb] = prevPair;
		if (pair.length === 2 && a && b && pa && pb && sameRow(a, pa) && sameRow(b, pb)) {
			pa.repeat += 1;
			pb.repeat += 1;
			continue;
		}
		rows.push(...pair);
	}
	const fc = spec.layers.find((layer) => layer.kind === 'fc');
	if (fc && fc.activation === 'softmax') {
		rows.push({
			op: 'softmax',
			stride: 1,
			filter: [],
			input: fc.output,
			repeat: 1,
			macs: 0,
			params: 0,
			layer: `${fc.name}_softmax`
		});
	}
	return rows;
}

/** Layers with weights, counting depthwise and pointwise separately (V1: 28). */
export function weightedLayerCount(spec: NetworkSpec): number {
	const weighted: LayerKind[] = ['conv', 'depthwise', 'pointwise', 'fc'];
	return spec.layers.filter((layer) => weighted.includes(layer.kind)).length;
}

// ---------------------------------------------------------------- V1, Table 2

export interface ShareRow {
	kind: 'pointwise' | 'depthwise' | 'conv' | 'fc';
	macsShare: number;
	paramsShare: number;
	/** Table 2's printed percentages, only for the network it describes (V1 1.0-224). */
	printed: { macsPct: number; paramsPct: number } | null;
	erratum?: TableErratum;
}

const SHARE_KINDS: ShareRow['kind'][] = ['pointwise', 'depthwise', 'conv', 'fc'];

export function shareTable(spec: NetworkSpec): ShareRow[] {
	const { config } = spec;
	const isTable2 = config.version === 'v1' && config.alpha === 1 && config.resolution === 224;
	return SHARE_KINDS.map((kind) => {
		const printed = isTable2 ? V1_TABLE2.find((row) => row.kind === kind) : undefined;
		const macsShare = spec.byKind[kind].macs / spec.totals.macs;
		const row: ShareRow = {
			kind,
			macsShare,
			paramsShare: spec.byKind[kind].params / spec.totals.params,
			printed: printed ? { macsPct: printed.multAddsPct, paramsPct: printed.paramsPct } : null
		};
		// Table 2 prints two digits of conv1's share swapped.
		if (printed && Math.abs(printed.multAddsPct - macsShare * 100) > 0.05) {
			row.erratum = erratum('v1-conv1-share');
		}
		return row;
	});
}

// ---------------------------------------------------------------- V2, Table 2

export type StageOp = 'conv' | 'bottleneck' | 'pointwise' | 'pool' | 'fc';

export interface V2Row {
	input: Shape;
	op: StageOp;
	kernel: number;
	/** Expansion factor; null where the paper prints "-". */
	t: number | null;
	/** Output channels. */
	c: number | null;
	/** Repeats. */
	n: number;
	/** Stride of the first repeat. */
	s: number | null;
	/** Summed over the n repeats. */
	macs: number;
	params: number;
	/** Stage key (first block label). */
	key: string;
}

function sum(layers: readonly LayerSpec[], field: 'macs' | 'params'): number {
	return layers.reduce((total, layer) => total + layer[field], 0);
}

function singleLayerRow(layer: LayerSpec): V2Row {
	return {
		input: layer.input,
		op: asOp(layer, ['conv', 'pointwise', 'pool', 'fc']),
		kernel: layer.kernel,
		t: null,
		c: layer.kind === 'pool' ? null : layer.output[2],
		n: 1,
		s: layer.kind === 'fc' ? null : layer.stride,
		macs: layer.macs,
		params: layer.params,
		key: layer.name
	};
}

/** The (t, c, n, s) table of the V2 paper, from a V2 spec. */
export function v2Table(spec: NetworkSpec): V2Row[] {
	const rows: V2Row[] = [];
	for (const { block, layers } of blocksOf(spec)) {
		if (!block.startsWith('block ')) {
			rows.push(...layers.map(singleLayerRow));
			continue;
		}
		const expand = layers.find((l) => l.kind === 'pointwise' && l.name.endsWith('expand'));
		const dw = layers.find((l) => l.kind === 'depthwise');
		const project = layers.find((l) => l.kind === 'pointwise' && l.name.endsWith('project'));
		if (!dw || !project) throw new Error(`${block}: no depthwise or projection layer`);
		const first = expand ?? dw;
		const t = expand ? expand.output[2] / expand.input[2] : 1;
		const c = project.output[2];
		const last = rows[rows.length - 1];
		if (last && last.op === 'bottleneck' && last.t === t && last.c === c && dw.stride === 1) {
			last.n += 1;
			last.macs += sum(layers, 'macs');
			last.params += sum(layers, 'params');
			continue;
		}
		rows.push({
			input: first.input,
			op: 'bottleneck',
			kernel: dw.kernel,
			t,
			c,
			n: 1,
			s: dw.stride,
			macs: sum(layers, 'macs'),
			params: sum(layers, 'params'),
			key: block
		});
	}
	return rows;
}

// ---------------------------------------------------------------- V3, Tables 1 and 2

export type Nonlinearity = 'RE' | 'HS';

export interface V3Row {
	input: Shape;
	op: StageOp;
	kernel: number;
	/** Expansion size (bneck only). */
	exp: number | null;
	out: number | null;
	se: boolean;
	nl: Nonlinearity | null;
	s: number;
	/** False for the head's 1×1 convs after pooling (the paper's "NBN": no BatchNorm). */
	batchNorm: boolean;
	macs: number;
	params: number;
	key: string;
}

function nonlinearity(activation: Activation): Nonlinearity | null {
	if (activation === 'relu' || activation === 'relu6') return 'RE';
	if (activation === 'hswish') return 'HS';
	return null;
}

/** V3-Large's or V3-Small's table from its spec: one row per bneck, as the paper prints them. */
export function v3Table(spec: NetworkSpec): V3Row[] {
	const rows: V3Row[] = [];
	for (const { block, layers } of blocksOf(spec)) {
		if (!block.startsWith('block ')) {
			for (const layer of layers) {
				const row = singleLayerRow(layer);
				rows.push({
					input: layer.input,
					op: row.op,
					kernel: layer.kernel,
					exp: null,
					out: row.c,
					se: false,
					nl: layer.kind === 'fc' ? null : nonlinearity(layer.activation),
					s: layer.stride,
					batchNorm: layer.batchNorm,
					macs: layer.macs,
					params: layer.params,
					key: layer.name
				});
			}
			continue;
		}
		const dw = layers.find((l) => l.kind === 'depthwise');
		const project = layers.find((l) => l.kind === 'pointwise' && l.name.endsWith('project'));
		const first = layers[0];
		if (!dw || !project || !first) throw new Error(`${block}: no depthwise or projection layer`);
		rows.push({
			input: first.input,
			op: 'bottleneck',
			kernel: dw.kernel,
			exp: dw.input[2],
			out: project.output[2],
			se: layers.some((l) => l.kind === 'se'),
			nl: nonlinearity(dw.activation),
			s: dw.stride,
			batchNorm: true,
			macs: sum(layers, 'macs'),
			params: sum(layers, 'params'),
			key: block
		});
	}
	return rows;
}
