/**
 * The cost of a depthwise separable layer over a standard one, 1/N + 1/D_K² (the engine's
 * `separableRatio`), against the output channels N on a log scale, with MobileNetV1's pointwise
 * layers marked at their real N.
 */
import { line, scaleLinear, scaleLog } from 'd3';
import { mobilenetV1, separableRatio } from '$lib/architecture';

export interface RatioPoint {
	n: number;
	ratio: number;
}

/**
 * V1's depthwise kernel size, and each distinct output width of its pointwise layers (α 1, 224)
 * with how many layers have it: where its separable blocks sit on the curve.
 */
export function v1Separable(): { kernel: number; widths: { n: number; layers: number }[] } {
	const layers = mobilenetV1().layers;
	const counts = new Map<number, number>();
	for (const layer of layers) {
		if (layer.kind !== 'pointwise') continue;
		const n = layer.output[2];
		counts.set(n, (counts.get(n) ?? 0) + 1);
	}
	const kernel = layers.find((l) => l.kind === 'depthwise')?.kernel ?? 0;
	const widths = [...counts].map(([n, count]) => ({ n, layers: count })).sort((a, b) => a.n - b.n);
	return { kernel, widths };
}

/** The curve for one kernel size at every N in [from, to] (integers: N counts channels). */
export function ratioCurve(dk: number, from: number, to: number): RatioPoint[] {
	return Array.from({ length: to - from + 1 }, (_, k) => {
		const n = from + k;
		return { n, ratio: separableRatio(dk, n).value };
	});
}

/**
 * The points at least `gap` pixels apart along x, with the first and the last: every N would put
 * thousands of points into a path a few hundred pixels wide (66 KB of lesson HTML for two curves).
 */
export function thinned(points: RatioPoint[], x: (n: number) => number, gap: number): RatioPoint[] {
	const kept: RatioPoint[] = [];
	for (const point of points) {
		const last = kept.at(-1);
		if (!last || x(point.n) - x(last.n) >= gap) kept.push(point);
	}
	const end = points.at(-1);
	if (end && kept.at(-1) !== end) kept.push(end);
	return kept;
}

export interface RatioChartOptions {
	width: number;
	height: number;
	margins: { top: number; right: number; bottom: number; left: number };
	/** Kernel sizes to draw; V1's layers are marked on the curve of its own. */
	kernels: readonly number[];
	/** N range of the x axis: powers of two. */
	from: number;
	to: number;
}

export interface RatioChart {
	curves: { dk: number; d: string; asymptote: number; y: number; endY: number }[];
	marks: { n: number; layers: number; x: number; y: number; ratio: number }[];
	xTicks: { value: number; x: number }[];
	yTicks: { value: number; y: number }[];
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** Scales, paths and marks of the chart, in pixels. */
export function ratioChart(options: RatioChartOptions): RatioChart {
	const { width, height, margins, kernels, from, to } = options;
	const left = margins.left;
	const right = width - margins.right;
	const top = margins.top;
	const bottom = height - margins.bottom;
	const smallest = Math.min(...kernels);
	const yMax = separableRatio(smallest, from).value;
	const x = scaleLog().base(2).domain([from, to]).range([left, right]);
	const y = scaleLinear().domain([0, yMax]).range([bottom, top]).nice();
	const path = line<RatioPoint>()
		.x((p) => x(p.n))
		.y((p) => y(p.ratio));
	// Powers of two, every other one when the axis is short (a phone).
	const powers: number[] = [];
	for (let n = from; n <= to; n *= 2) powers.push(n);
	const every = (right - left) / powers.length < 34 ? 2 : 1;
	const curves = kernels.map((dk) => {
		const points = ratioCurve(dk, from, to);
		const asymptote = 1 / (dk * dk);
		return {
			dk,
			d: path(thinned(points, x, 0.5)) ?? '',
			asymptote,
			y: y(asymptote),
			endY: y(points.at(-1)?.ratio ?? asymptote)
		};
	});
	const v1 = v1Separable();
	const marks = v1.widths.map(({ n, layers }) => {
		const ratio = separableRatio(v1.kernel, n).value;
		return { n, layers, x: x(n), y: y(ratio), ratio };
	});
	return {
		curves,
		marks,
		xTicks: powers.filter((_, k) => k % every === 0).map((value) => ({ value, x: x(value) })),
		yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
		left,
		right,
		top,
		bottom
	};
}
