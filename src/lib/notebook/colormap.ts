/**
 * Heatmap colours: viridis for maps of one sign, a blue–red diverging scale centred on zero for
 * maps with both signs (so zero reads as neutral). Looked up in a 256-entry table, not per pixel.
 */
import { color, interpolateRdBu, interpolateViridis } from 'd3';

export interface ColourScale {
	/** Diverging scales are symmetric: [-bound, bound]. */
	min: number;
	max: number;
	diverging: boolean;
	/** CSS colours for a legend, from min to max. */
	stops: string[];
}

function table(interpolate: (t: number) => string): Uint8ClampedArray {
	const rgb = new Uint8ClampedArray(256 * 3);
	for (let i = 0; i < 256; i++) {
		const c = color(interpolate(i / 255))?.rgb();
		rgb.set([c?.r ?? 0, c?.g ?? 0, c?.b ?? 0], i * 3);
	}
	return rgb;
}

let viridis: Uint8ClampedArray | null = null;
let redBlue: Uint8ClampedArray | null = null;

/** RdBu runs red → blue; reversed so that positive values are red (warm). */
const blueRed = (t: number) => interpolateRdBu(1 - t);

export function colourScale(min: number, max: number): ColourScale {
	const diverging = min < 0 && max > 0;
	const bound = Math.max(Math.abs(min), Math.abs(max));
	const interpolate = diverging ? blueRed : interpolateViridis;
	return {
		min: diverging ? -bound : min,
		max: diverging ? bound : max,
		diverging,
		stops: [0, 0.25, 0.5, 0.75, 1].map(interpolate)
	};
}

/** RGBA pixels of one map under a scale. */
export function heatmapPixels(map: Float32Array, scale: ColourScale): Uint8ClampedArray {
	const lut = scale.diverging
		? (redBlue ??= table(blueRed))
		: (viridis ??= table(interpolateViridis));
	const span = scale.max - scale.min;
	const rgba = new Uint8ClampedArray(map.length * 4);
	for (let p = 0; p < map.length; p++) {
		const value = map[p] as number;
		const t = span > 0 ? (value - scale.min) / span : 0.5;
		const i = Math.round(Math.min(1, Math.max(0, Number.isNaN(t) ? 0 : t)) * 255) * 3;
		rgba[p * 4] = lut[i] as number;
		rgba[p * 4 + 1] = lut[i + 1] as number;
		rgba[p * 4 + 2] = lut[i + 2] as number;
		rgba[p * 4 + 3] = 255;
	}
	return rgba;
}

/** Integer zoom so that small images are big enough to see, large ones stay 1:1. */
export function pixelZoom(width: number, height: number, target = 160): number {
	return Math.max(1, Math.min(8, Math.floor(target / Math.max(width, height, 1))));
}
