/**
 * Geometry for the live network's charts of weights and time: a layer's weight histogram, each
 * layer's error under 8-bit weights, and each layer's measured rate. D3 computes the scales and
 * ticks here; the Svelte components only draw what these functions return.
 */
import { scaleBand, scaleLinear, scaleLog } from 'd3';
import { LAYER_KINDS, type LayerKind } from '$lib/architecture';
import type { WeightHistogram } from '$lib/model/histogram';
import type { LayerQuantError } from '$lib/model/quantize';
import type { LayerRate } from '$lib/model/time-vs-macs';
import type { Margins } from './chart';

export interface Size {
	width: number;
	height: number;
}

export interface Tick {
	value: number;
	/** Position along the axis it belongs to. */
	at: number;
}

interface HistogramBar {
	x: number;
	width: number;
	y: number;
	height: number;
	count: number;
	/** The weight value at the bar's centre: an 8-bit level, or the middle of a float bin. */
	value: number;
}

export interface HistogramGeometry {
	/** Only bins that hold a weight: an 8-bit layer's bars are the levels it uses. */
	bars: HistogramBar[];
	baseline: number;
	/** Where weight 0 sits, when it is inside the range. */
	zeroX: number | null;
	xTicks: Tick[];
	yTicks: Tick[];
}

/**
 * Bars of a weight histogram. A float layer's bins touch (a continuum); an 8-bit layer's levels
 * are drawn one pixel narrower than their step, so that at two pixels or more per level they show
 * as the separate values they are.
 */
export function histogramChart(
	histogram: WeightHistogram,
	size: Size,
	margins: Margins
): HistogramGeometry {
	const baseline = size.height - margins.bottom;
	const right = Math.max(margins.left + 1, size.width - margins.right);
	const x = scaleLinear()
		.domain([histogram.min, histogram.max > histogram.min ? histogram.max : histogram.min + 1])
		.range([margins.left, right]);
	const y = scaleLinear()
		.domain([0, Math.max(1, ...histogram.counts)])
		.nice(4)
		.range([baseline, margins.top]);
	const step =
		histogram.binWidth > 0 ? x(histogram.min + histogram.binWidth) - x(histogram.min) : 1;
	const gap = histogram.levels !== null && step >= 2 ? 1 : 0;
	const bars = histogram.counts.flatMap((count, i) => {
		if (count === 0) return [];
		const from = histogram.min + i * histogram.binWidth;
		const top = y(count);
		return [
			{
				x: x(from),
				width: Math.max(1, step - gap),
				y: top,
				height: baseline - top,
				count,
				value: from + histogram.binWidth / 2
			}
		];
	});
	const zero = histogram.min <= 0 && histogram.max >= 0 ? x(0) : null;
	return {
		bars,
		baseline,
		zeroX: zero,
		xTicks: x.ticks(5).map((value) => ({ value, at: x(value) })),
		yTicks: y.ticks(4).map((value) => ({ value, at: y(value) }))
	};
}

/** Relative errors below this sit on the baseline: a hundredth of a percent is no error to see. */
export const ERROR_FLOOR = 1e-4;

/** A layer's bar in a per-layer chart (LayerBarChart.svelte draws any of them). */
export interface LayerBar {
	name: string;
	kind: LayerKind;
	x: number;
	width: number;
	y: number;
	height: number;
}

export interface ErrorBar extends LayerBar {
	error: number;
}

export interface ErrorGeometry {
	bars: ErrorBar[];
	baseline: number;
	/** Powers of ten, as shares (0.01 = 1%). */
	yTicks: Tick[];
}

/**
 * Each layer's weight error under 8-bit weights: the mean of its output channels' relative errors
 * (a channel with small weights counts as much as a large one). On a fixed log scale from 0.01% to
 * 100%, so that per tensor and per channel can be compared at a glance.
 */
export function errorChart(
	layers: readonly LayerQuantError[],
	size: Size,
	margins: Margins
): ErrorGeometry {
	const baseline = size.height - margins.bottom;
	const x = scaleBand<string>()
		.domain(layers.map((l) => l.name))
		.range([margins.left, Math.max(margins.left, size.width - margins.right)])
		.paddingInner(0.2);
	const y = scaleLog().domain([ERROR_FLOOR, 1]).range([baseline, margins.top]).clamp(true);
	return {
		bars: layers.map((layer) => {
			const top = y(Math.max(ERROR_FLOOR, layer.channelRelative));
			return {
				name: layer.name,
				kind: layer.kind,
				error: layer.channelRelative,
				x: x(layer.name) ?? margins.left,
				width: x.bandwidth(),
				y: top,
				height: baseline - top
			};
		}),
		baseline,
		yTicks: [1e-4, 1e-3, 1e-2, 1e-1, 1].map((value) => ({ value, at: y(value) }))
	};
}

export interface KindError {
	kind: LayerKind;
	/** Mean over the kind's layers of their mean per-channel relative error. */
	mean: number;
	layers: number;
}

/** The weight error of each layer kind, in the engine's kind order. */
export function kindErrors(layers: readonly LayerQuantError[]): KindError[] {
	return LAYER_KINDS.flatMap((kind) => {
		const of = layers.filter((l) => l.kind === kind);
		if (of.length === 0) return [];
		const mean = of.reduce((sum, l) => sum + l.channelRelative, 0) / of.length;
		return [{ kind, mean, layers: of.length }];
	});
}

export interface RateBar extends LayerBar {
	/** Mult-adds per second, in billions. */
	gmacPerSecond: number;
}

export interface RateGeometry {
	bars: RateBar[];
	baseline: number;
	/** In billions of mult-adds per second. */
	yTicks: Tick[];
}

/** Each layer's measured rate (layers without mult-adds or time get no bar, but keep their place). */
export function rateChart(
	layers: readonly LayerRate[],
	size: Size,
	margins: Margins
): RateGeometry {
	const baseline = size.height - margins.bottom;
	const x = scaleBand<string>()
		.domain(layers.map((l) => l.name))
		.range([margins.left, Math.max(margins.left, size.width - margins.right)])
		.paddingInner(0.2);
	const max = Math.max(0, ...layers.map((l) => l.gmacPerSecond ?? 0));
	const y = scaleLinear()
		.domain([0, max > 0 ? max : 1])
		.nice(4)
		.range([baseline, margins.top]);
	return {
		bars: layers.flatMap((layer) => {
			if (layer.gmacPerSecond === null) return [];
			const top = y(layer.gmacPerSecond);
			return [
				{
					name: layer.name,
					kind: layer.kind,
					gmacPerSecond: layer.gmacPerSecond,
					x: x(layer.name) ?? margins.left,
					width: x.bandwidth(),
					y: top,
					height: baseline - top
				}
			];
		}),
		baseline,
		yTicks: y.ticks(4).map((value) => ({ value, at: y(value) }))
	};
}
