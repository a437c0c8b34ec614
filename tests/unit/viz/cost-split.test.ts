import { describe, expect, it } from 'vitest';
import { mobilenetV1, mobilenetV1FullConv, mobilenetV3Large } from '$lib/architecture';
import { allDefault, costByKind, kindsUsed, splitBars } from '$lib/viz/cost-split';

describe('costByKind', () => {
	it("reads V1's mult-adds per kind from the engine", () => {
		const { total, values } = costByKind({ net: 'v1' }, 'macs');
		const spec = mobilenetV1();
		expect(total).toBe(568_740_352);
		expect(Object.fromEntries(values.map((v) => [v.kind, v.value]))).toEqual({
			conv: spec.byKind.conv.macs,
			depthwise: spec.byKind.depthwise.macs,
			pointwise: spec.byKind.pointwise.macs,
			se: 0,
			fc: spec.byKind.fc.macs
		});
	});

	it('builds the standard-convolution V1 and other widths and resolutions', () => {
		expect(costByKind({ net: 'v1-full-conv' }, 'params').total).toBe(
			mobilenetV1FullConv().totals.params
		);
		expect(costByKind({ net: 'v1', alpha: 0.5 }, 'params').total).toBe(
			mobilenetV1(0.5).totals.params
		);
		// The resolution changes mult-adds but not weights.
		expect(costByKind({ net: 'v1', res: 112 }, 'params').total).toBe(4_209_088);
		expect(costByKind({ net: 'v1', res: 112 }, 'macs').total).toBe(mobilenetV1(1, 112).totals.macs);
	});
});

describe('splitBars', () => {
	it('stacks the segments end to end and scales every bar alike', () => {
		const bars = splitBars([{ net: 'v1-full-conv' }, { net: 'v1' }], 'macs', 500, 60);
		const [full, v1] = bars;
		expect(full?.end).toBeCloseTo(440);
		expect(v1?.end).toBeCloseTo((440 * 568_740_352) / mobilenetV1FullConv().totals.macs);
		for (const bar of bars) {
			let x = 0;
			for (const segment of bar.segments) {
				expect(segment.x).toBeCloseTo(x);
				x += segment.width;
			}
			expect(x).toBeCloseTo(bar.end);
			expect(bar.segments.reduce((s, seg) => s + seg.share, 0)).toBeCloseTo(1);
		}
		expect(full?.segments.map((s) => s.kind)).toEqual(['conv', 'fc']);
		const pointwise = v1?.segments.find((s) => s.kind === 'pointwise');
		expect(pointwise?.share).toBeCloseTo(539_492_352 / 568_740_352);
	});

	it('lists the kinds any model spends on, squeeze-and-excite for V3', () => {
		expect(kindsUsed([{ net: 'v1' }])).toEqual(['conv', 'depthwise', 'pointwise', 'fc']);
		expect(kindsUsed([{ net: 'v3-large' }])).toContain('se');
		expect(
			costByKind({ net: 'v3-large' }, 'params').values.find((v) => v.kind === 'se')?.value
		).toBe(mobilenetV3Large().byKind.se.params);
	});

	it('knows when every bar is the default configuration', () => {
		expect(allDefault([{ net: 'v1' }, { net: 'v1-full-conv', alpha: 1, res: 224 }])).toBe(true);
		expect(allDefault([{ net: 'v1' }, { net: 'v1', res: 112 }])).toBe(false);
	});
});
