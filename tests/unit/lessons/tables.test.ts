import { describe, expect, it } from 'vitest';
import {
	mobilenetV1,
	mobilenetV2,
	mobilenetV3Large,
	mobilenetV3Small,
	V1_TABLE2
} from '$lib/architecture';
import { shareTable, v1Table, v2Table, v3Table, weightedLayerCount } from '$lib/lessons/tables';

describe('V1 Table 1 from the engine', () => {
	const rows = v1Table(mobilenetV1());

	it('has the paper rows: conv, 13 dw/pw pairs with the 5× fold, pool, FC, softmax', () => {
		// 1 conv + 2·(13 − 4 folded) pairs + pool + fc + softmax
		expect(rows).toHaveLength(1 + 2 * 9 + 3);
		expect(rows[0]).toMatchObject({
			op: 'conv',
			stride: 2,
			filter: [3, 3, 3, 32],
			input: [224, 224, 3]
		});
		expect(rows[1]).toMatchObject({
			op: 'depthwise',
			stride: 1,
			filter: [3, 3, 32],
			input: [112, 112, 32]
		});
		expect(rows[2]).toMatchObject({ op: 'pointwise', stride: 1, filter: [1, 1, 32, 64] });
		const folded = rows.filter((r) => r.repeat > 1);
		expect(folded.map((r) => [r.op, r.repeat, r.input])).toEqual([
			['depthwise', 5, [14, 14, 512]],
			['pointwise', 5, [14, 14, 512]]
		]);
		expect(rows.slice(-3).map((r) => [r.op, r.filter])).toEqual([
			['pool', [7, 7]],
			['fc', [1024, 1000]],
			['softmax', []]
		]);
	});

	it('marks the last depthwise layer with the printed stride', () => {
		const dw13 = rows.find((r) => r.layer === 'conv_dw_13');
		expect(dw13).toMatchObject({
			stride: 1,
			input: [7, 7, 1024],
			erratum: {
				id: 'v1-dw13-stride',
				printed: [{ label: 'stride', kind: 'text', value: 's2' }]
			}
		});
		expect(rows.filter((r) => r.erratum)).toHaveLength(1);
	});

	it('counts 28 weighted layers', () => {
		expect(weightedLayerCount(mobilenetV1())).toBe(28);
		expect(weightedLayerCount(mobilenetV1(0.5, 128))).toBe(28);
	});
});

describe('V1 Table 2 from the engine', () => {
	it('reproduces every printed share but the swapped conv1 digits', () => {
		const rows = shareTable(mobilenetV1());
		for (const row of rows) {
			const printed = V1_TABLE2.find((p) => p.kind === row.kind);
			expect(row.printed?.paramsPct).toBe(printed?.paramsPct);
			expect(row.paramsShare * 100).toBeCloseTo(printed!.paramsPct, 1);
			if (row.kind === 'conv') {
				expect(row.erratum?.id).toBe('v1-conv1-share');
				expect((row.macsShare * 100).toFixed(2)).toBe('1.91');
			} else {
				expect(row.erratum).toBeUndefined();
				expect(row.macsShare * 100).toBeCloseTo(printed!.multAddsPct, 1);
			}
		}
		expect(rows.reduce((s, r) => s + r.macsShare, 0)).toBeCloseTo(1, 9);
	});

	it('shows printed figures only for the network Table 2 describes', () => {
		expect(shareTable(mobilenetV1(0.5, 224)).every((r) => r.printed === null && !r.erratum)).toBe(
			true
		);
	});
});

describe('V2 (t, c, n, s) table from the engine', () => {
	it('matches the paper row for row', () => {
		const rows = v2Table(mobilenetV2());
		expect(rows.map((r) => [r.op, r.t, r.c, r.n, r.s, r.input[0], r.input[2]])).toEqual([
			['conv', null, 32, 1, 2, 224, 3],
			['bottleneck', 1, 16, 1, 1, 112, 32],
			['bottleneck', 6, 24, 2, 2, 112, 16],
			['bottleneck', 6, 32, 3, 2, 56, 24],
			['bottleneck', 6, 64, 4, 2, 28, 32],
			['bottleneck', 6, 96, 3, 1, 14, 64],
			['bottleneck', 6, 160, 3, 2, 14, 96],
			['bottleneck', 6, 320, 1, 1, 7, 160],
			['pointwise', null, 1280, 1, 1, 7, 320],
			['pool', null, null, 1, 1, 7, 1280],
			['fc', null, 1000, 1, null, 1, 1280]
		]);
		const spec = mobilenetV2();
		expect(rows.reduce((s, r) => s + r.macs, 0)).toBe(spec.totals.macs);
		expect(rows.reduce((s, r) => s + r.params, 0)).toBe(spec.totals.params);
	});

	it('follows the width multiplier', () => {
		const rows = v2Table(mobilenetV2(0.5));
		expect(rows.filter((r) => r.op === 'bottleneck').map((r) => r.n)).toEqual([
			1, 2, 3, 4, 3, 3, 1
		]);
		expect(rows.find((r) => r.op === 'pointwise')?.c).toBe(1280);
	});
});

describe('V3 tables from the engine', () => {
	it('V3-Large: 15 bnecks as the paper prints them', () => {
		const rows = v3Table(mobilenetV3Large());
		const bnecks = rows.filter((r) => r.op === 'bottleneck');
		expect(bnecks.map((r) => [r.kernel, r.exp, r.out, r.se, r.nl, r.s])).toEqual([
			[3, 16, 16, false, 'RE', 1],
			[3, 64, 24, false, 'RE', 2],
			[3, 72, 24, false, 'RE', 1],
			[5, 72, 40, true, 'RE', 2],
			[5, 120, 40, true, 'RE', 1],
			[5, 120, 40, true, 'RE', 1],
			[3, 240, 80, false, 'HS', 2],
			[3, 200, 80, false, 'HS', 1],
			[3, 184, 80, false, 'HS', 1],
			[3, 184, 80, false, 'HS', 1],
			[3, 480, 112, true, 'HS', 1],
			[3, 672, 112, true, 'HS', 1],
			[5, 672, 160, true, 'HS', 2],
			[5, 960, 160, true, 'HS', 1],
			[5, 960, 160, true, 'HS', 1]
		]);
		expect(rows[0]).toMatchObject({ op: 'conv', out: 16, nl: 'HS', s: 2 });
		expect(rows.slice(-4).map((r) => [r.op, r.out, r.batchNorm])).toEqual([
			['pointwise', 960, true],
			['pool', null, false],
			['pointwise', 1280, false],
			['fc', 1000, false]
		]);
	});

	it('V3-Small: 11 bnecks, SE in the first', () => {
		const bnecks = v3Table(mobilenetV3Small()).filter((r) => r.op === 'bottleneck');
		expect(bnecks).toHaveLength(11);
		expect(bnecks[0]).toMatchObject({ kernel: 3, exp: 16, out: 16, se: true, nl: 'RE', s: 2 });
	});
});
