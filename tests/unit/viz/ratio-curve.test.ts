import { describe, expect, it } from 'vitest';
import { mobilenetV1 } from '$lib/architecture';
import { ratioChart, ratioCurve, thinned, v1Separable } from '$lib/viz/ratio-curve';

describe('v1Separable', () => {
	it("counts V1's pointwise widths from the engine", () => {
		const { kernel, widths } = v1Separable();
		expect(kernel).toBe(3);
		expect(widths).toEqual([
			{ n: 64, layers: 1 },
			{ n: 128, layers: 2 },
			{ n: 256, layers: 2 },
			{ n: 512, layers: 6 },
			{ n: 1024, layers: 2 }
		]);
		const pointwise = mobilenetV1().layers.filter((l) => l.kind === 'pointwise');
		expect(widths.reduce((s, w) => s + w.layers, 0)).toBe(pointwise.length);
	});
});

describe('ratioCurve', () => {
	it('is 1/N + 1/D_K² and falls towards 1/D_K²', () => {
		const curve = ratioCurve(3, 8, 1024);
		expect(curve[0]).toEqual({ n: 8, ratio: 1 / 8 + 1 / 9 });
		expect(curve.at(-1)?.ratio).toBeCloseTo(1 / 1024 + 1 / 9, 12);
		curve.slice(1).forEach((p, k) => expect(p.ratio).toBeLessThan(curve[k]?.ratio ?? 0));
		expect(curve.every((p) => p.ratio > 1 / 9)).toBe(true);
	});
});

describe('ratioChart', () => {
	const options = {
		width: 600,
		height: 240,
		margins: { top: 10, right: 80, bottom: 40, left: 50 },
		kernels: [3, 5],
		from: 8,
		to: 2048
	};

	it('marks each V1 width on its own curve, in order', () => {
		const chart = ratioChart(options);
		expect(chart.marks.map((m) => m.n)).toEqual([64, 128, 256, 512, 1024]);
		expect(chart.marks.map((m) => m.ratio)).toEqual(
			[64, 128, 256, 512, 1024].map((n) => 1 / n + 1 / 9)
		);
		chart.marks.slice(1).forEach((m, k) => {
			expect(m.x).toBeGreaterThan(chart.marks[k]?.x ?? 0);
			expect(m.y).toBeGreaterThan(chart.marks[k]?.y ?? 0);
		});
		const nine = chart.curves.find((c) => c.dk === 3);
		// Every mark lies above the curve's floor, 1/9, drawn lower on the page.
		chart.marks.forEach((m) => expect(m.y).toBeLessThan(nine?.y ?? 0));
		expect(chart.curves.map((c) => c.asymptote)).toEqual([1 / 9, 1 / 25]);
	});

	it('fits its ticks inside the plot and thins them on a phone', () => {
		const wide = ratioChart(options);
		expect(wide.xTicks.map((t) => t.value)).toEqual([8, 16, 32, 64, 128, 256, 512, 1024, 2048]);
		expect(wide.xTicks[0]?.x).toBe(50);
		expect(wide.xTicks.at(-1)?.x).toBe(520);
		const phone = ratioChart({ ...options, width: 300 });
		expect(phone.xTicks.map((t) => t.value)).toEqual([8, 32, 128, 512, 2048]);
		for (const tick of wide.yTicks) {
			expect(tick.y).toBeGreaterThanOrEqual(wide.top - 1e-9);
			expect(tick.y).toBeLessThanOrEqual(wide.bottom + 1e-9);
		}
	});

	it("draws the curves with a point every half pixel at most, from the axis's left end", () => {
		const chart = ratioChart(options);
		const plot = options.width - options.margins.left - options.margins.right;
		for (const curve of chart.curves) {
			const points = curve.d.split(/[ML]/).filter(Boolean).length;
			expect(points).toBeLessThanOrEqual(2 * plot + 2);
			expect(curve.d.startsWith(`M${options.margins.left},`)).toBe(true);
		}
	});
});

describe('thinned', () => {
	it('keeps the ends and a point only once it lies the gap past the last one kept', () => {
		const curve = ratioCurve(3, 8, 2048);
		const x = (n: number) => 100 * Math.log2(n / 8);
		const kept = thinned(curve, x, 0.5);
		expect(kept[0]).toBe(curve[0]);
		expect(kept.at(-1)).toBe(curve.at(-1));
		// Below N = 200 or so integers lie more than half a pixel apart: every one of them stays.
		expect(kept.slice(0, 100).map((p) => p.n)).toEqual(curve.slice(0, 100).map((p) => p.n));
		kept.slice(1, -1).forEach((p, k) => {
			expect(x(p.n) - x(kept[k]?.n ?? 0)).toBeGreaterThanOrEqual(0.5);
		});
		// 800 pixels of axis: at most two points a pixel, against 2,041 integers.
		expect(kept.length).toBeLessThanOrEqual(2 * 800 + 2);
		expect(kept.length).toBeLessThan(curve.length / 1.5);
	});
});
