import { describe, expect, it } from 'vitest';
import {
	V1_CHECKPOINTS,
	V1_TABLE2,
	V1_TABLE4,
	V1_TABLE5,
	V1_TABLE6,
	V1_TABLE7,
	mobilenetV1,
	mobilenetV1FullConv,
	mobilenetV1Shallow
} from '../../../src/lib/architecture';
import type { LayerSpec, NetworkSpec } from '../../../src/lib/architecture';
import { millions, roundTo } from './helpers';

const layer = (spec: NetworkSpec, name: string): LayerSpec => {
	const found = spec.layers.find((l) => l.name === name);
	if (!found) throw new Error(`no layer ${name}`);
	return found;
};

describe('MobileNet V1 1.0-224', () => {
	const spec = mobilenetV1();

	it('has the exact published totals', () => {
		expect(spec.totals.macs).toBe(568_740_352);
		expect(spec.totals.params).toBe(4_209_088);
		// Keras counts FC bias and BatchNorm's 4 per channel too.
		expect(spec.totals.kerasParams).toBe(4_253_864);
	});

	it('reproduces Table 2 (resources per layer type)', () => {
		const pct = (x: number, of: number) => roundTo((100 * x) / of, 2);
		for (const row of V1_TABLE2) {
			const t = spec.byKind[row.kind];
			expect(pct(t.params, spec.totals.params)).toBe(row.paramsPct);
			if (row.kind === 'conv') {
				// Erratum: the paper prints 1.19% for conv1; it is 1.91%.
				expect(pct(t.macs, spec.totals.macs)).toBe(1.91);
				expect(row.multAddsPct).toBe(1.19);
			} else {
				expect(pct(t.macs, spec.totals.macs)).toBe(row.multAddsPct);
			}
		}
	});

	it('uses the Keras layer names in order', () => {
		const names = spec.layers.map((l) => l.name);
		const blocks = Array.from({ length: 13 }, (_, i) => [`conv_dw_${i + 1}`, `conv_pw_${i + 1}`]);
		expect(names).toEqual(['conv1', ...blocks.flat(), 'global_average_pooling2d_1', 'conv_preds']);
		expect(layer(spec, 'conv_dw_5')).toMatchObject({
			bnName: 'conv_dw_5_bn',
			activationName: 'conv_dw_5_relu',
			activation: 'relu6',
			batchNorm: true,
			useBias: false
		});
		expect(layer(spec, 'conv_preds')).toMatchObject({
			kind: 'fc',
			useBias: true,
			batchNorm: false,
			activation: 'softmax',
			activationName: 'act_softmax'
		});
	});

	it('strides conv_dw_12 by 2 and conv_dw_13 by 1 (Table 1 prints s2: erratum)', () => {
		expect(layer(spec, 'conv_dw_12').stride).toBe(2);
		expect(layer(spec, 'conv_dw_13').stride).toBe(1);
		expect(layer(spec, 'conv_dw_13').input).toEqual([7, 7, 1024]);
		expect(layer(spec, 'conv_dw_13').output).toEqual([7, 7, 1024]);
		expect(layer(spec, 'global_average_pooling2d_1').kernel).toBe(7);
	});
});

describe('MobileNet V1 width and resolution multipliers', () => {
	it('matches the official 0.25 model: conv1 has 8 filters, conv_pw_1 16; Keras total 475,544', () => {
		const spec = mobilenetV1(0.25);
		expect(layer(spec, 'conv1').output[2]).toBe(8);
		expect(layer(spec, 'conv_pw_1').output[2]).toBe(16);
		expect(spec.totals.kerasParams).toBe(475_544);
	});

	it('matches the official 0.75 model: Keras total 2,601,976', () => {
		expect(mobilenetV1(0.75).totals.kerasParams).toBe(2_601_976);
	});

	it.each(V1_TABLE6)('reproduces Table 6 for α = $alpha', ({ alpha, multAddsM, paramsM }) => {
		const { totals } = mobilenetV1(alpha, 224);
		expect(roundTo(millions(totals.macs), 0)).toBe(multAddsM);
		expect(roundTo(millions(totals.params), 1)).toBe(paramsM);
	});

	it('has these exact counts for Table 6', () => {
		const exact = (alpha: number) => mobilenetV1(alpha).totals;
		expect(exact(0.75)).toMatchObject({ macs: 325_400_448, params: 2_568_144 });
		expect(exact(0.5)).toMatchObject({ macs: 149_497_088, params: 1_319_648 });
		expect(exact(0.25)).toMatchObject({ macs: 41_030_272, params: 463_600 });
	});

	it.each(V1_TABLE7)(
		'reproduces Table 7 for $resolution × $resolution',
		({ resolution, multAddsM, paramsM }) => {
			const { totals } = mobilenetV1(1, resolution);
			expect(roundTo(millions(totals.params), 1)).toBe(paramsM);
			if (resolution === 160) {
				// 290.68M rounds to 291 (TF-slim prints 291); the paper truncates to 290.
				expect(totals.macs).toBe(290_675_200);
				expect(Math.floor(millions(totals.macs))).toBe(multAddsM);
			} else {
				expect(roundTo(millions(totals.macs), 0)).toBe(multAddsM);
			}
		}
	);

	it('has these exact counts for Table 7', () => {
		expect(mobilenetV1(1, 192).totals.macs).toBe(418_121_728);
		expect(mobilenetV1(1, 160).totals.macs).toBe(290_675_200);
		expect(mobilenetV1(1, 128).totals.macs).toBe(186_400_768);
	});

	it('explains the TF-slim parameter column: weights, biases and BN beta/mean/variance', () => {
		for (const row of V1_CHECKPOINTS) {
			const { totals, config } = mobilenetV1(row.alpha, row.resolution);
			const biases = config.classes;
			const bnChannels = (totals.kerasParams - totals.params - biases) / 4;
			expect(roundTo(millions(totals.params + biases + 3 * bnChannels), 2)).toBe(row.paramsM);
		}
	});

	it('leaves parameters unchanged by resolution', () => {
		for (const r of [128, 160, 192, 224, 33, 97, 225]) {
			expect(mobilenetV1(1, r).totals.params).toBe(4_209_088);
		}
	});
});

describe('Table 4: V1 with standard convolutions', () => {
	const full = mobilenetV1FullConv();
	const [conv, separable] = V1_TABLE4;

	it('replaces each dw + pw pair by one 3×3 conv of the same width and stride', () => {
		const v1 = mobilenetV1();
		expect(full.layers.filter((l) => l.kind === 'conv')).toHaveLength(14);
		expect(
			full.layers.filter((l) => l.kind === 'depthwise' || l.kind === 'pointwise')
		).toHaveLength(0);
		for (let i = 1; i <= 13; i++) {
			const f = layer(full, `conv_full_${i}`);
			expect(f.kernel).toBe(3);
			expect(f.stride).toBe(layer(v1, `conv_dw_${i}`).stride);
			expect(f.output).toEqual(layer(v1, `conv_pw_${i}`).output);
		}
	});

	it('counts 4866M mult-adds without the FC layer (the printed figure leaves it out: erratum)', () => {
		const withoutFc = full.totals.macs - full.byKind.fc.macs;
		expect(withoutFc).toBe(4_866_269_184);
		expect(roundTo(millions(withoutFc), 0)).toBe(conv?.multAddsM);
		expect(full.totals.macs).toBe(4_867_293_184);
	});

	it('counts 29.3M parameters including the FC layer', () => {
		expect(full.totals.params).toBe(29_281_120);
		expect(roundTo(millions(full.totals.params), 1)).toBe(conv?.paramsM);
	});

	it('prints the separable row as Table 6 does (FC included)', () => {
		const { totals } = mobilenetV1();
		expect(roundTo(millions(totals.macs), 0)).toBe(separable?.multAddsM);
		expect(roundTo(millions(totals.params), 1)).toBe(separable?.paramsM);
	});
});

describe('Table 5: thinner against shallower', () => {
	it('reproduces both rows: α = 0.75, and V1 without the five 14×14×512 blocks', () => {
		const [thin, shallow] = V1_TABLE5.rows;
		const thinner = mobilenetV1(0.75);
		expect(roundTo(millions(thinner.totals.macs), 0)).toBe(thin?.multAdds);
		expect(roundTo(millions(thinner.totals.params), 1)).toBe(thin?.params);
		const spec = mobilenetV1Shallow();
		const repeated = spec.layers.filter(
			(l) => l.kind === 'pointwise' && l.input[2] === 512 && l.output[0] === 14
		);
		expect(repeated).toHaveLength(0);
		expect(spec.layers.filter((l) => l.kind === 'depthwise')).toHaveLength(8);
		expect(spec.layers.some((l) => l.name === 'conv_pw_12')).toBe(true);
		expect(roundTo(millions(spec.totals.macs), 0)).toBe(shallow?.multAdds);
		expect(roundTo(millions(spec.totals.params), 1)).toBe(shallow?.params);
	});
});
