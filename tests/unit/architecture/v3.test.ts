import { describe, expect, it } from 'vitest';
import { mobilenetV3Large, mobilenetV3Small } from '../../../src/lib/architecture';
import type { NetworkSpec } from '../../../src/lib/architecture';

/** |computed / reference - 1| ≤ 0.5%. */
const near = (computed: number, reference: number) =>
	expect(Math.abs(computed / reference - 1)).toBeLessThanOrEqual(0.005);

const find = (spec: NetworkSpec, name: string) => spec.layers.find((l) => l.name === name);

describe('MobileNet V3-Large', () => {
	const spec = mobilenetV3Large();

	it('1.0-224 counts about 217M mult-adds and 5.45M parameters (paper: 219M / 5.4M)', () => {
		expect(spec.totals.macs).toBe(216_589_760);
		expect(spec.totals.params).toBe(5_451_272);
		expect(spec.totals.kerasParams).toBe(5_507_432);
		near(spec.totals.macs, 217e6);
		near(spec.totals.params, 5.46e6);
	});

	it('follows Table 1 with Keras names', () => {
		expect(find(spec, 'Conv')).toMatchObject({
			kernel: 3,
			stride: 2,
			activation: 'hswish',
			bnName: 'Conv/BatchNorm'
		});
		expect(find(spec, 'Conv')?.output).toEqual([112, 112, 16]);
		expect(find(spec, 'expanded_conv/expand')).toBeUndefined();
		expect(find(spec, 'expanded_conv/Add')?.inputs).toEqual(['Conv', 'expanded_conv/project']);
		expect(find(spec, 'expanded_conv_3/depthwise')).toMatchObject({
			kernel: 5,
			stride: 2,
			activation: 'relu'
		});
		expect(find(spec, 'expanded_conv_3/squeeze_excite')).toMatchObject({
			kind: 'se',
			seChannels: 24
		});
		expect(find(spec, 'expanded_conv_8/expand')?.output[2]).toBe(184);
		expect(find(spec, 'Conv_1')).toMatchObject({
			activation: 'hswish',
			bnName: 'Conv_1/BatchNorm'
		});
		expect(find(spec, 'Conv_1')?.output).toEqual([7, 7, 960]);
		expect(find(spec, 'Conv_2')).toMatchObject({
			useBias: true,
			batchNorm: false,
			activation: 'hswish'
		});
		expect(find(spec, 'Conv_2')?.input).toEqual([1, 1, 960]);
		expect(find(spec, 'Conv_2')?.output).toEqual([1, 1, 1280]);
		expect(find(spec, 'Logits')).toMatchObject({
			kind: 'fc',
			useBias: true,
			activationName: 'Predictions'
		});
		expect(spec.layers.filter((l) => l.kind === 'se')).toHaveLength(8);
	});

	it('counts squeeze-excite as its two 1×1 convs with biases', () => {
		const se = find(spec, 'expanded_conv_14/squeeze_excite');
		expect(se).toMatchObject({ input: [7, 7, 960], output: [7, 7, 960], seChannels: 240 });
		expect(se?.macs).toBe(2 * 960 * 240);
		expect(se?.params).toBe(2 * 960 * 240);
		expect(se?.kerasParams).toBe(2 * 960 * 240 + 240 + 960);
	});

	it('keeps the 1280-wide head for α ≤ 1 and widens it above', () => {
		expect(find(mobilenetV3Large(0.75), 'Conv_2')?.output[2]).toBe(1280);
		expect(find(mobilenetV3Large(1.25), 'Conv_2')?.output[2]).toBe(1600);
	});
});

describe('MobileNet V3-Small', () => {
	const spec = mobilenetV3Small();

	it('1.0-224 with the released 1024-wide head counts about 56.5M and 2.53M', () => {
		expect(spec.totals.macs).toBe(56_510_400);
		expect(spec.totals.params).toBe(2_525_832);
		expect(spec.totals.kerasParams).toBe(2_554_968);
		near(spec.totals.macs, 56.5e6);
		near(spec.totals.params, 2.53e6);
	});

	it('follows Table 2', () => {
		expect(find(spec, 'expanded_conv/squeeze_excite')).toMatchObject({
			seChannels: 8,
			input: [56, 56, 16]
		});
		expect(find(spec, 'expanded_conv/Add')).toBeUndefined();
		expect(find(spec, 'expanded_conv_1/expand')?.output[2]).toBe(72);
		expect(find(spec, 'expanded_conv_2/expand')?.output[2]).toBe(88);
		expect(find(spec, 'Conv_1')?.output).toEqual([7, 7, 576]);
		expect(find(spec, 'Conv_2')?.output).toEqual([1, 1, 1024]);
		expect(spec.layers.filter((l) => l.kind === 'se')).toHaveLength(9);
	});
});
