/**
 * The roofline model (Williams, Waterman and Patterson 2009) over a network's layers: a chip with a
 * peak rate P (mult-adds per second) and a memory bandwidth B (bytes per second) runs a layer of
 * arithmetic intensity I at most at min(P, B × I). Rates are relative to P, so only the ridge point
 * P/B matters, and no device's figures are needed: a layer left of the ridge is memory-bound.
 * Intensities are the engine's (`arithmeticIntensity`, the figure `<Num of="intensity">` prints).
 */
import { scaleLog } from 'd3';
import { logTicks } from './log-ticks';
import { arithmeticIntensity } from '$lib/architecture';
import type { LayerKind, NetworkSpec } from '$lib/architecture';

/** Layers with weights: the ones whose mult-adds a roofline places (pools and adds have none). */
const WEIGHTED: readonly LayerKind[] = ['conv', 'depthwise', 'pointwise', 'fc', 'se'];

export interface RooflineLayer {
	name: string;
	kind: LayerKind;
	macs: number;
	/** Mult-adds per byte, 32-bit values. */
	intensity: number;
}

export function rooflineLayers(spec: NetworkSpec): RooflineLayer[] {
	return spec.layers
		.filter((layer) => WEIGHTED.includes(layer.kind) && layer.macs > 0)
		.map((layer) => ({
			name: layer.name,
			kind: layer.kind,
			macs: layer.macs,
			intensity: arithmeticIntensity(layer)
		}));
}

/** Attainable rate as a share of the peak: min(P, B × I) / P = min(1, I / ridge). */
export function attainable(intensity: number, ridge: number): number {
	return Math.min(1, intensity / ridge);
}

export interface MemoryBound {
	layers: number;
	total: number;
	/** Share of the placed layers' mult-adds in memory-bound layers. */
	macsShare: number;
}

/** The layers left of the ridge (I < P/B): they wait on memory whatever their mult-adds. */
export function memoryBound(layers: readonly RooflineLayer[], ridge: number): MemoryBound {
	const bound = layers.filter((layer) => layer.intensity < ridge);
	const sum = (list: readonly RooflineLayer[]) => list.reduce((total, l) => total + l.macs, 0);
	const all = sum(layers);
	return { layers: bound.length, total: layers.length, macsShare: all > 0 ? sum(bound) / all : 0 };
}

/**
 * The ridge points the slider stops at, mult-adds per byte: about even steps on the log axis, each
 * a number a teacher can say. Phones' ridge points are tens of mult-adds per byte.
 */
export const RIDGE_STOPS = [
	1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100
] as const;

/** The stop nearest a ridge point on the log axis (a lesson's start value need not be one). */
export function nearestStop(ridge: number): number {
	let best = 0;
	RIDGE_STOPS.forEach((stop, k) => {
		const current = RIDGE_STOPS[best] ?? 1;
		if (Math.abs(Math.log(stop / ridge)) < Math.abs(Math.log(current / ridge))) best = k;
	});
	return best;
}

export interface RooflineOptions {
	width: number;
	height: number;
	margins: { top: number; right: number; bottom: number; left: number };
	ridge: number;
}

export interface PlacedLayer extends RooflineLayer {
	x: number;
	y: number;
	/** Radius in pixels: the dot's area follows the layer's mult-adds. */
	r: number;
	/** Attainable share of the peak. */
	rate: number;
	memoryBound: boolean;
}

export interface RooflineChart {
	/** The roof: the bandwidth slope up to the ridge, then the flat peak. */
	roof: string;
	ridge: { x: number; y: number };
	layers: PlacedLayer[];
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** The foot of the rate axis: the decade below the least rate any stop gives any layer. */
export function rateFloor(layers: readonly RooflineLayer[]): number {
	const lowest = Math.min(...layers.map((l) => l.intensity));
	return 10 ** Math.floor(Math.log10(attainable(lowest, Math.max(...RIDGE_STOPS))));
}

/**
 * The log–log chart: x from the decade of the least intense layer to past the highest ridge stop,
 * y (rate over peak) from the least rate any stop gives any layer to 1, so neither axis moves
 * while the reader drags the ridge.
 */
export function rooflineChart(
	layers: readonly RooflineLayer[],
	options: RooflineOptions
): RooflineChart {
	const { width, height, margins, ridge } = options;
	const left = margins.left;
	const right = width - margins.right;
	const top = margins.top;
	const bottom = height - margins.bottom;
	const lowest = Math.min(...layers.map((l) => l.intensity));
	const highest = Math.max(...layers.map((l) => l.intensity), ...RIDGE_STOPS);
	const xLo = 10 ** Math.floor(Math.log10(lowest));
	// Room right of the highest stop, so that the flat roof shows wherever the ridge is.
	const xHi = highest * 2;
	const yLo = rateFloor(layers);
	const x = scaleLog().domain([xLo, xHi]).range([left, right]);
	const y = scaleLog().domain([yLo, 1]).range([bottom, top]);
	const biggest = Math.max(...layers.map((l) => l.macs));
	const maxRadius = Math.max(4, Math.min(11, (right - left) / 45));
	const placed = layers.map((layer) => {
		const rate = attainable(layer.intensity, ridge);
		return {
			...layer,
			x: x(layer.intensity),
			y: y(rate),
			r: Math.max(2.5, maxRadius * Math.sqrt(layer.macs / biggest)),
			rate,
			memoryBound: layer.intensity < ridge
		};
	});
	const roof = `M${x(xLo)},${y(attainable(xLo, ridge))}L${x(ridge)},${y(1)}L${x(xHi)},${y(1)}`;
	return {
		roof,
		ridge: { x: x(ridge), y: y(1) },
		layers: placed,
		// Powers of ten, and 2 and 5 times them (only 5 where a decade is narrow); the rate axis, decades.
		xTicks: logTicks(x, (right - left) / Math.log10(xHi / xLo) < 110 ? [1, 5] : [1, 2, 5]).map(
			(value) => ({ value, x: x(value) })
		),
		yTicks: logTicks(y, [1]).map((value) => ({ value, y: y(value) })),
		left,
		right,
		top,
		bottom
	};
}
