/**
 * Data and geometry for the lab's charts. D3 computes scales and ticks here; the Svelte
 * components only draw what these functions return.
 */
import { scaleBand, scaleLinear, scaleLog } from 'd3';
import { LAYER_KINDS } from '$lib/architecture';
import type { LayerKind, LayerSpec, Totals } from '$lib/architecture';

export type ScaleKind = 'linear' | 'log';

export interface LayerBar {
	/** 1-based position in the network, as in the table. */
	index: number;
	name: string;
	kind: LayerKind;
	macs: number;
	/** Share of the network's mult-adds, 0 to 1. */
	share: number;
}

export function layerBars(layers: readonly LayerSpec[]): LayerBar[] {
	const total = layers.reduce((sum, l) => sum + l.macs, 0);
	return layers.map((layer, i) => ({
		index: i + 1,
		name: layer.name,
		kind: layer.kind,
		macs: layer.macs,
		share: total > 0 ? layer.macs / total : 0
	}));
}

const KIND_COLOURS: Record<LayerKind, string> = {
	conv: '--c-conv',
	depthwise: '--c-depthwise',
	pointwise: '--c-pointwise',
	fc: '--c-fc',
	se: '--c-se',
	pool: '--c-other',
	add: '--c-other',
	activation: '--c-other'
};

/** The CSS colour of a layer kind (app.css holds the palette, per theme). */
export function kindColour(kind: LayerKind): string {
	return `var(${KIND_COLOURS[kind]})`;
}

export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface PlacedBar extends LayerBar {
	x: number;
	/** Width of the band the bar sits in: the hover and focus target. */
	band: number;
	/** Width of the drawn bar. */
	barWidth: number;
	y: number;
	height: number;
}

export interface LayerChartGeometry {
	width: number;
	height: number;
	margins: Margins;
	/** Bottom of the plot area, where bars stand. */
	baseline: number;
	bars: PlacedBar[];
	ticks: Array<{ value: number; y: number }>;
}

/**
 * Bars of mult-adds per layer. On the log scale, layers without mult-adds (pooling, residual
 * adds) get no bar: log 0 has no place on the axis.
 */
export function layerChart(
	bars: readonly LayerBar[],
	size: { width: number; height: number },
	scale: ScaleKind,
	margins: Margins
): LayerChartGeometry {
	const { width, height } = size;
	const baseline = height - margins.bottom;
	const x = scaleBand<number>()
		.domain(bars.map((b) => b.index))
		.range([margins.left, Math.max(margins.left, width - margins.right)])
		.paddingInner(bars.length > 40 ? 0.1 : 0.2);
	const max = Math.max(1, ...bars.map((b) => b.macs));
	const top = margins.top;

	let y: (v: number) => number;
	let ticks: number[];
	if (scale === 'log') {
		const positive = bars.map((b) => b.macs).filter((v) => v > 0);
		const low = 10 ** Math.floor(Math.log10(Math.min(max, ...positive)));
		const high = 10 ** Math.ceil(Math.log10(max));
		const log = scaleLog().domain([low, high]).range([baseline, top]).clamp(true);
		y = (v) => (v > 0 ? log(v) : baseline);
		ticks = log.ticks().filter((t) => Number.isInteger(Math.log10(t)));
	} else {
		const linear = scaleLinear().domain([0, max]).nice(5).range([baseline, top]);
		y = linear;
		ticks = linear.ticks(5);
	}

	return {
		width,
		height,
		margins,
		baseline,
		bars: bars.map((bar) => {
			const top = y(bar.macs);
			return {
				...bar,
				x: x(bar.index) ?? margins.left,
				band: x.step(),
				barWidth: x.bandwidth(),
				y: top,
				height: baseline - top
			};
		}),
		ticks: ticks.map((value) => ({ value, y: y(value) }))
	};
}

export type Metric = 'macs' | 'params';

export interface KindSlice {
	kind: LayerKind;
	value: number;
	/** Share of the metric's total, 0 to 1. */
	share: number;
	/** Where the slice starts along a 100% stacked bar, 0 to 1. */
	start: number;
}

/** Kinds that carry any of the metric, in the engine's kind order, stacked to 100%. */
export function kindSlices(byKind: Record<LayerKind, Totals>, metric: Metric): KindSlice[] {
	const total = LAYER_KINDS.reduce((sum, kind) => sum + byKind[kind][metric], 0);
	let start = 0;
	const slices: KindSlice[] = [];
	for (const kind of LAYER_KINDS) {
		const value = byKind[kind][metric];
		if (value <= 0 || total <= 0) continue;
		const share = value / total;
		slices.push({ kind, value, share, start });
		start += share;
	}
	return slices;
}

/** Kinds with mult-adds or parameters, for the breakdown's legend table. */
export function kindsPresent(byKind: Record<LayerKind, Totals>): LayerKind[] {
	return LAYER_KINDS.filter((kind) => byKind[kind].macs > 0 || byKind[kind].params > 0);
}
