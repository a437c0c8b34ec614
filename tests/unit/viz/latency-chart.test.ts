import { describe, expect, it } from 'vitest';
import { V2_PAPER, V3_PAPER, V3_TABLE3 } from '$lib/architecture';
import { latencyChart, latencyPoints, type LatencyTable } from '$lib/viz/latency-chart';
import { overlaps, type Rect } from '$lib/viz/label-placement';

describe('latencyPoints', () => {
	it("reads every row of V3's Table 3, which prints both figures", () => {
		const points = latencyPoints('v3-table3');
		expect(points.map((p) => p.row)).toEqual(V3_TABLE3.rows.map((r) => r.row));
		for (const p of points) {
			const printed = V3_TABLE3.rows.find((r) => r.row === p.row);
			expect(p.multAdds).toMatchObject({ value: printed?.multAdds, unit: 'millions' });
			expect(p.latency).toMatchObject({ value: printed?.latency, unit: 'ms', source: V3_PAPER });
		}
	});

	it("keeps only V2 Table 4's rows with a latency", () => {
		const points = latencyPoints('comparison');
		expect(points.map((p) => p.row)).toEqual([
			'MobileNetV1',
			'NasNet-A',
			'MobileNetV2',
			'MobileNetV2 (1.4)'
		]);
		expect(points.every((p) => p.latency.source === V2_PAPER && p.latency.table === 4)).toBe(true);
	});
});

/** Sans-serif Latin at about 0.6 em a character, as the component estimates it; a little wider. */
const sizeOf = (text: string, px: number) => ({
	width: text.length * 0.62 * px + 4,
	height: px * 1.3
});

function layout(table: LatencyTable, width: number, px: number) {
	const data = latencyPoints(table);
	return latencyChart(data, {
		width,
		height: Math.max(220, width * 0.55),
		margins: { top: 10, right: 10, bottom: px * 3, left: px * 3.5 },
		labelSizes: data.map((p) => sizeOf(p.row, px)),
		radius: 5
	});
}

describe('latencyChart', () => {
	for (const table of ['v3-table3', 'comparison'] as const) {
		for (const [width, px] of [
			[320, 12],
			[360, 13],
			[640, 13],
			[760, 14]
		] as const) {
			it(`${table} at ${width} px: labels overlap no label and no point, inside the plot`, () => {
				const chart = layout(table, width, px);
				const labels = chart.points.map((p) => p.label);
				const bounds: Rect = {
					x: chart.left,
					y: chart.top,
					width: chart.right - chart.left,
					height: chart.bottom - chart.top
				};
				labels.forEach((a, i) => {
					expect(a.x).toBeGreaterThanOrEqual(bounds.x);
					expect(a.x + a.width).toBeLessThanOrEqual(bounds.x + bounds.width);
					expect(a.y).toBeGreaterThanOrEqual(bounds.y);
					expect(a.y + a.height).toBeLessThanOrEqual(bounds.y + bounds.height);
					labels.forEach((b, j) => {
						if (i < j)
							expect(overlaps(a, b), `${chart.points[i]?.row} / ${chart.points[j]?.row}`).toBe(
								false
							);
					});
					for (const p of chart.points) {
						const dot = { x: p.x - p.r, y: p.y - p.r, width: 2 * p.r, height: 2 * p.r };
						expect(overlaps(a, dot), `${chart.points[i]?.row} over ${p.row}`).toBe(false);
					}
				});
			});
		}
	}

	it('places more mult-adds right and more milliseconds up', () => {
		const chart = layout('v3-table3', 640, 13);
		const at = (row: string) => chart.points.find((p) => p.row === row);
		expect(at('MnasNet-A1')?.x).toBeGreaterThan(at('V2 1.0')?.x ?? Infinity);
		expect(at('MnasNet-A1')?.y).toBeLessThan(at('V2 1.0')?.y ?? -Infinity);
		expect(chart.xTicks.length).toBeGreaterThanOrEqual(3);
		expect(chart.yTicks.length).toBeGreaterThanOrEqual(3);
	});
});
