import { describe, expect, it } from 'vitest';
import {
	COMPARISON,
	COMPARISON_MODELS,
	DEFAULT_CONFIG,
	V1_TABLE2,
	V1_TABLE4,
	V1_TABLE6,
	V2_CHECKPOINTS,
	V3_LARGE_PAPER,
	figureRows
} from '$lib/architecture';
import { printedDecimals, printedKindShares, publishedFigures } from '$lib/lab/published';
import { fullConvComparison } from '$lib/lab/comparison';
import { buildSpec } from '$lib/architecture';

const config = (
	version: 'v1' | 'v2' | 'v3-large' | 'v3-small',
	alpha: number,
	resolution: number
) => ({
	...DEFAULT_CONFIG,
	version,
	alpha,
	resolution
});

describe('publishedFigures', () => {
	it('cites V1 1.0-224 once per source and pair of figures', () => {
		const figures = publishedFigures(config('v1', 1, 224));
		const paper = figures.filter((f) => f.source === 'v1-paper');
		const table6 = V1_TABLE6.find((r) => r.alpha === 1)!;
		expect(paper).toEqual([
			{
				source: 'v1-paper',
				tables: ['4', '6', '7', '8'],
				multAddsM: table6.multAddsM,
				paramsM: table6.paramsM
			}
		]);
		expect(figures.map((f) => f.source)).toEqual(['v1-paper', 'v2-paper', 'slim-v1']);
	});

	it('finds Table 9 for V1 0.5-160 and the checkpoint list', () => {
		const figures = publishedFigures(config('v1', 0.5, 160));
		expect(figures.find((f) => f.source === 'v1-paper')?.tables).toEqual(['9']);
		expect(figures.some((f) => f.source === 'slim-v1')).toBe(true);
	});

	it('finds the released V2 1.4 and V3-Large figures', () => {
		const v2 = publishedFigures(config('v2', 1.4, 224));
		const slim = V2_CHECKPOINTS.find((c) => c.alpha === 1.4)!;
		expect(v2).toContainEqual({
			source: 'slim-v2-v3',
			tables: [],
			multAddsM: slim.macsM,
			paramsM: slim.paramsM
		});
		const v3 = publishedFigures(config('v3-large', 1, 224));
		expect(v3).toContainEqual({
			source: 'v3-paper',
			tables: ['3'],
			multAddsM: V3_LARGE_PAPER.multAddsM,
			paramsM: V3_LARGE_PAPER.paramsM
		});
	});

	it('cites nothing for an unpublished configuration', () => {
		expect(publishedFigures(config('v1', 0.6, 224))).toEqual([]);
		expect(publishedFigures(config('v3-small', 1, 192))).toEqual([]);
	});

	it('maps every MobileNet the comparison tables name', () => {
		const named = [...V1_TABLE4, ...COMPARISON, V3_LARGE_PAPER]
			.map((r) => r.model)
			.filter((model) => model.startsWith('MobileNet'));
		for (const model of named) expect(COMPARISON_MODELS).toHaveProperty([model]);
	});

	it('sets beside a configuration every row a lesson can quote for it', () => {
		const tables = ['v1-table6', 'v1-table7', 'v1-checkpoints', 'v2-checkpoints'] as const;
		for (const table of tables) {
			for (const row of figureRows(table)) {
				const figures = publishedFigures({ ...DEFAULT_CONFIG, ...row.config! });
				expect(figures, `${table} ${row.key}`).toContainEqual(
					expect.objectContaining({ multAddsM: row.multAdds, paramsM: row.params })
				);
			}
		}
	});

	it('keeps the printed precision', () => {
		expect([569, 4.2, 4.24, 0.5].map(printedDecimals)).toEqual([0, 1, 2, 1]);
	});
});

describe('printedKindShares', () => {
	it('gives the V1 paper Table 2 for V1 1.0-224 only', () => {
		const printed = printedKindShares(config('v1', 1, 224));
		expect(printed?.citation).toEqual({ source: 'v1-paper', tables: ['2'] });
		expect([...printed!.shares.keys()]).toEqual(V1_TABLE2.map((r) => r.kind));
		expect(printedKindShares(config('v1', 0.75, 224))).toBeNull();
		expect(printedKindShares(config('v2', 1, 224))).toBeNull();
	});
});

describe('fullConvComparison', () => {
	it('compares V1 with its standard-convolution twin and cites Table 4 at 1.0-224', () => {
		const c = config('v1', 1, 224);
		const spec = buildSpec(c);
		const cmp = fullConvComparison(c, spec.totals)!;
		expect(cmp.fullConv.macs).toBeGreaterThan(spec.totals.macs);
		expect(cmp.macsRatio).toBeCloseTo(cmp.fullConv.macs / spec.totals.macs, 12);
		expect(cmp.paramsRatio).toBeCloseTo(cmp.fullConv.params / spec.totals.params, 12);
		const row = V1_TABLE4.find((r) => r.model === 'Conv MobileNet')!;
		expect(cmp.printed).toEqual({
			source: 'v1-paper',
			tables: ['4'],
			multAddsM: row.multAddsM,
			paramsM: row.paramsM
		});
		// Within 0.1% of the printed figure (the paper leaves out the FC layer: an erratum).
		expect(Math.abs(cmp.fullConv.macs / 1e6 - row.multAddsM) / row.multAddsM).toBeLessThan(1e-3);
	});

	it('follows α and ρ and offers nothing for V2 and V3', () => {
		const c = config('v1', 0.5, 160);
		const cmp = fullConvComparison(c, buildSpec(c).totals)!;
		expect(cmp.printed).toBeNull();
		expect(cmp.macsRatio).toBeGreaterThan(1);
		for (const version of ['v2', 'v3-large', 'v3-small'] as const) {
			const other = config(version, 1, 224);
			expect(fullConvComparison(other, buildSpec(other).totals)).toBeNull();
		}
	});
});
