/**
 * Printed mult-adds against printed latency for the rows of a paper table that print both (V3
 * Table 3; V2 Table 4 in the `comparison` quote table), read through `quote()`, on log–log axes
 * with every point named by a label that overlaps no other label and no point.
 */
import { scaleLog } from 'd3';
import { placeLabels, type Marker, type PlacedLabel } from './label-placement';
import { logTicks } from './log-ticks';
import { quote, quoteKeys, type Quote } from '$lib/lessons/quotes';

export type LatencyTable = 'v3-table3' | 'comparison';

export interface LatencyPoint {
	row: string;
	multAdds: Quote;
	latency: Quote;
}

/** The table's rows that print both figures, in the table's order. */
export function latencyPoints(table: LatencyTable): LatencyPoint[] {
	return quoteKeys(table).flatMap((row) => {
		try {
			return [
				{ row, multAdds: quote(table, row, 'multAdds'), latency: quote(table, row, 'latency') }
			];
		} catch {
			// A row without a latency (V2 Table 4's ShuffleNets): not on this chart.
			return [];
		}
	});
}

export interface LatencyChartOptions {
	width: number;
	height: number;
	margins: { top: number; right: number; bottom: number; left: number };
	/** Each point's label size in pixels, in the points' order. */
	labelSizes: ReadonlyArray<{ width: number; height: number }>;
	radius: number;
}

export interface LatencyChart {
	points: (LatencyPoint & Marker & { label: PlacedLabel })[];
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	left: number;
	right: number;
	top: number;
	bottom: number;
}

export function latencyChart(
	data: readonly LatencyPoint[],
	options: LatencyChartOptions
): LatencyChart {
	const { width, height, margins, labelSizes, radius } = options;
	const left = margins.left;
	const right = width - margins.right;
	const top = margins.top;
	const bottom = height - margins.bottom;
	const span = (values: number[]) => [Math.min(...values) / 1.2, Math.max(...values) * 1.2];
	const x = scaleLog()
		.domain(span(data.map((p) => p.multAdds.value)))
		.range([left, right]);
	const y = scaleLog()
		.domain(span(data.map((p) => p.latency.value)))
		.range([bottom, top]);
	const markers = data.map((p) => ({ x: x(p.multAdds.value), y: y(p.latency.value), r: radius }));
	const labels = placeLabels(markers, labelSizes, {
		x: left,
		y: top,
		width: right - left,
		height: bottom - top
	});
	return {
		points: data.map((p, k) => ({
			...p,
			...(markers[k] as Marker),
			label: labels[k] as PlacedLabel
		})),
		// 1, 2, 3, 5 × a power of ten, or every d3 tick where those are too few.
		xTicks: logTicks(x, [1, 2, 3, 5], 3).map((value) => ({ value, x: x(value) })),
		yTicks: logTicks(y, [1, 2, 3, 5], 3).map((value) => ({ value, y: y(value) })),
		left,
		right,
		top,
		bottom
	};
}
