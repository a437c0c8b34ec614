/**
 * A network's mult-adds and parameters split by layer kind, as stacked bars: one bar per network
 * and configuration, one segment per kind, on a scale shared by every bar of the same measure.
 * The counts are the engine's `byKind`.
 */
import { scaleLinear } from 'd3';
import {
	DEFAULT_CONFIG,
	buildSpec,
	mobilenetV1FullConv,
	type LayerKind,
	type NetworkSpec
} from '$lib/architecture';

/** The networks a bar can show: the four the site teaches, and V1 built with standard convolutions. */
export type SplitNet = 'v1' | 'v1-full-conv' | 'v2' | 'v3-large' | 'v3-small';

export interface SplitModel {
	net: SplitNet;
	alpha?: number;
	res?: number;
}

export type Measure = 'macs' | 'params';

/** The kinds that carry cost, in the order their segments stack. */
export const COST_KINDS: readonly LayerKind[] = ['conv', 'depthwise', 'pointwise', 'se', 'fc'];

export interface Segment {
	kind: LayerKind;
	value: number;
	/** Of the bar's total. */
	share: number;
	x: number;
	width: number;
}

export interface Bar {
	model: Required<SplitModel>;
	total: number;
	segments: Segment[];
	/** Right end of the bar. */
	end: number;
}

function spec(model: Required<SplitModel>): NetworkSpec {
	if (model.net === 'v1-full-conv') return mobilenetV1FullConv(model.alpha, model.res);
	return buildSpec({ version: model.net, alpha: model.alpha, resolution: model.res });
}

export function withModelDefaults(model: SplitModel): Required<SplitModel> {
	return {
		net: model.net,
		alpha: model.alpha ?? DEFAULT_CONFIG.alpha,
		res: model.res ?? DEFAULT_CONFIG.resolution
	};
}

/** Each model's cost per kind for one measure. */
export function costByKind(
	model: SplitModel,
	measure: Measure
): { total: number; values: { kind: LayerKind; value: number }[] } {
	const built = spec(withModelDefaults(model));
	return {
		total: built.totals[measure],
		values: COST_KINDS.map((kind) => ({ kind, value: built.byKind[kind][measure] }))
	};
}

/** The kinds any of the models spends on, in stacking order: the legend's entries. */
export function kindsUsed(models: readonly SplitModel[]): LayerKind[] {
	return COST_KINDS.filter((kind) =>
		models.some((model) =>
			(['macs', 'params'] as const).some(
				(measure) =>
					(costByKind(model, measure).values.find((v) => v.kind === kind)?.value ?? 0) > 0
			)
		)
	);
}

/**
 * Bars for `models` over `width` pixels, leaving `labelRoom` at the right of the longest for its
 * total. Kinds a model does not use have no segment.
 */
export function splitBars(
	models: readonly SplitModel[],
	measure: Measure,
	width: number,
	labelRoom: number
): Bar[] {
	const costs = models.map((model) => ({
		model: withModelDefaults(model),
		...costByKind(model, measure)
	}));
	const max = Math.max(...costs.map((c) => c.total));
	const x = scaleLinear()
		.domain([0, max])
		.range([0, Math.max(1, width - labelRoom)]);
	return costs.map(({ model, total, values }) => {
		let start = 0;
		const segments = values
			.filter((v) => v.value > 0)
			.map(({ kind, value }) => {
				const segment = { kind, value, share: value / total, x: x(start), width: x(value) };
				start += value;
				return segment;
			});
		return { model, total, segments, end: x(total) };
	});
}

/** Whether every model has the default width and resolution (then a bar's label names only the net). */
export function allDefault(models: readonly SplitModel[]): boolean {
	return models.every((model) => {
		const full = withModelDefaults(model);
		return full.alpha === DEFAULT_CONFIG.alpha && full.res === DEFAULT_CONFIG.resolution;
	});
}
