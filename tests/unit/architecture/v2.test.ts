import { describe, expect, it } from 'vitest';
import { V2_CHECKPOINTS, mobilenetV2 } from '../../../src/lib/architecture';
import { millions, roundTo } from './helpers';

describe('MobileNet V2', () => {
	const spec = mobilenetV2();

	it('1.0-224 has the exact counts (paper prints 300M / 3.4M, truncated)', () => {
		expect(spec.totals.macs).toBe(300_774_272);
		expect(roundTo(millions(spec.totals.macs), 1)).toBe(300.8);
		expect(spec.totals.params).toBe(3_469_760);
		expect(roundTo(millions(spec.totals.params), 2)).toBe(3.47);
		expect(spec.totals.kerasParams).toBe(3_538_984);
	});

	it('1.4-224 counts 582M and 6.06M (the paper headline 585M / 6.9M does not reproduce)', () => {
		const { totals } = mobilenetV2(1.4);
		expect(totals.macs).toBe(582_195_824);
		expect(totals.params).toBe(6_059_840);
		expect(roundTo(millions(totals.macs), 0)).toBe(582);
		expect(roundTo(millions(totals.params), 2)).toBe(6.06);
	});

	it('0.35-224 counts 59M and 1.66M', () => {
		const { totals } = mobilenetV2(0.35);
		expect(totals.macs).toBe(59_285_808);
		expect(totals.params).toBe(1_662_048);
	});

	it.each(V2_CHECKPOINTS)(
		'matches the TF-slim table for α = $alpha',
		({ alpha, resolution, macsM, paramsM }) => {
			const { totals } = mobilenetV2(alpha, resolution);
			// The MACs column is truncated, not rounded: 300.77M prints as 300 (all other rows agree).
			expect(Math.floor(millions(totals.macs))).toBe(macsM);
			expect(roundTo(millions(totals.params), 2)).toBe(paramsM);
		}
	);

	it('uses the Keras layer names', () => {
		const names = spec.layers.map((l) => l.name);
		expect(names.slice(0, 4)).toEqual([
			'Conv1',
			'expanded_conv_depthwise',
			'expanded_conv_project',
			'block_1_expand'
		]);
		expect(names.slice(-4)).toEqual([
			'block_16_project',
			'Conv_1',
			'global_average_pooling2d',
			'predictions'
		]);
		expect(names).not.toContain('expanded_conv_expand');
		expect(spec.layers.find((l) => l.name === 'block_3_depthwise')).toMatchObject({
			bnName: 'block_3_depthwise_BN',
			activationName: 'block_3_depthwise_relu',
			activation: 'relu6',
			stride: 2
		});
		expect(spec.layers.find((l) => l.name === 'block_3_project')).toMatchObject({
			activation: 'linear',
			bnName: 'block_3_project_BN'
		});
	});

	it('adds shortcuts only where stride is 1 and widths match', () => {
		const adds = spec.layers.filter((l) => l.kind === 'add').map((l) => l.name);
		expect(adds).toEqual([2, 4, 5, 7, 8, 9, 11, 12, 14, 15].map((i) => `block_${i}_add`));
		expect(spec.layers.find((l) => l.name === 'block_2_add')?.inputs).toEqual([
			'block_1_project',
			'block_2_project'
		]);
	});

	it('keeps the last conv at 1280 for α ≤ 1 and widens it above', () => {
		const last = (alpha: number) =>
			mobilenetV2(alpha).layers.find((l) => l.name === 'Conv_1')?.output[2];
		expect(last(0.35)).toBe(1280);
		expect(last(1)).toBe(1280);
		expect(last(1.4)).toBe(1792);
		expect(mobilenetV2(1.4).layers[0]?.output[2]).toBe(48);
	});
});
