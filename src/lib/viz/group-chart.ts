/**
 * The grouped convolution's cost against the number of groups: mult-adds and parameters for every
 * group count the layer allows, on log–log axes (both fall as 1/g: straight lines). D3 computes the
 * scales, ticks and paths here; the component only draws them.
 */
import { line, scaleLog } from 'd3';
import { groupedConvCost, groupedConvParams } from '$lib/architecture';

export interface GroupChartPoint {
	groups: number;
	macs: number;
	params: number;
	x: number;
	yMacs: number;
	yParams: number;
}

export interface GroupChart {
	points: GroupChartPoint[];
	macsPath: string;
	paramsPath: string;
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	/** The plot area. */
	left: number;
	right: number;
	top: number;
	bottom: number;
}

export interface ChartBox {
	width: number;
	height: number;
	margins: { top: number; right: number; bottom: number; left: number };
}

/** D_F here is the formula's: the output side. */
export function groupChart(
	layer: { dk: number; m: number; n: number; df: number },
	counts: readonly number[],
	box: ChartBox
): GroupChart {
	const { dk, m, n, df } = layer;
	const { width, height, margins } = box;
	const left = margins.left;
	const right = Math.max(left + 1, width - margins.right);
	const top = margins.top;
	const bottom = Math.max(top + 1, height - margins.bottom);
	const values = counts.map((groups) => ({
		groups,
		macs: groupedConvCost(dk, m, n, df, groups),
		params: groupedConvParams(dk, m, n, groups)
	}));
	const first = counts[0] ?? 1;
	const last = counts.at(-1) ?? 1;
	// One group only: a point in the middle of a unit-wide axis.
	const x = scaleLog()
		.base(2)
		.domain(first === last ? [first / 2, first * 2] : [first, last])
		.range([left, right]);
	const low = Math.min(...values.map((v) => v.params));
	const high = Math.max(...values.map((v) => v.macs));
	const y = scaleLog()
		.domain(low === high ? [low / 2, high * 2] : [low, high])
		.range([bottom, top])
		.nice();
	const points = values.map((v) => ({
		...v,
		x: x(v.groups),
		yMacs: y(v.macs),
		yParams: y(v.params)
	}));
	const path = (key: 'yMacs' | 'yParams') =>
		line<GroupChartPoint>()
			.x((p) => p.x)
			.y((p) => p[key])(points) ?? '';
	const [from, to] = y.domain() as [number, number];
	const decades = [];
	for (let e = Math.ceil(Math.log10(from)); 10 ** e <= to; e++) decades.push(10 ** e);
	const yValues = decades.length >= 2 ? decades : y.ticks(3);
	return {
		points,
		macsPath: path('yMacs'),
		paramsPath: path('yParams'),
		xTicks: counts.map((value) => ({ value, x: x(value) })),
		yTicks: yValues.map((value) => ({ value, y: y(value) })),
		left,
		right,
		top,
		bottom
	};
}
