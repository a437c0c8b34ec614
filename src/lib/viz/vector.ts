/**
 * A 1×1×C layer (the global pool, V3's last 1×1 layer, the class scores) drawn as what it is: one
 * number per channel, every channel on the same scale, as vertical strokes from zero. Pure: the
 * component puts the path into an SVG.
 */
import { scaleLinear } from 'd3';

export interface VectorChart {
	/** One stroke per channel, from zero to the value. */
	path: string;
	min: number;
	max: number;
	/** y of the value 0 (the strokes' base). */
	zero: number;
	/** The channel under x. */
	channelAt(x: number): number;
	/** x of a channel's stroke. */
	xOf(channel: number): number;
}

export function vectorChart(values: ArrayLike<number>, width: number, height: number): VectorChart {
	const count = values.length;
	let min = 0;
	let max = 0;
	for (let i = 0; i < count; i++) {
		min = Math.min(min, values[i]!);
		max = Math.max(max, values[i]!);
	}
	const y = scaleLinear()
		.domain([min, max === min ? min + 1 : max])
		.range([height, 0]);
	const x = scaleLinear()
		.domain([0, Math.max(1, count)])
		.range([0, width]);
	const zero = y(0);
	const parts: string[] = [];
	for (let i = 0; i < count; i++) {
		const at = x(i + 0.5);
		parts.push(`M${at.toFixed(2)},${zero.toFixed(2)}V${y(values[i]!).toFixed(2)}`);
	}
	return {
		path: parts.join(''),
		min,
		max,
		zero,
		channelAt: (px) => Math.max(0, Math.min(count - 1, Math.floor(x.invert(px)))),
		xOf: (channel) => x(channel + 0.5)
	};
}
