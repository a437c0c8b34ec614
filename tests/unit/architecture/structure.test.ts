import { describe, expect, it } from 'vitest';
import {
	ALPHA_RANGE,
	LAYER_KINDS,
	RESOLUTION_RANGE,
	VERSIONS,
	buildSpec,
	mobilenetV1,
	mobilenetV1FullConv
} from '../../../src/lib/architecture';
import type { NetworkSpec } from '../../../src/lib/architecture';
import { intIn } from './helpers';
import { seededRandom } from '$lib/random';

const random = seededRandom(1905);
const randomSpecs = VERSIONS.flatMap((version) =>
	Array.from({ length: 12 }, () => ({
		version,
		alpha: ALPHA_RANGE.min + random() * (ALPHA_RANGE.max - ALPHA_RANGE.min),
		resolution: intIn(random, RESOLUTION_RANGE.min, RESOLUTION_RANGE.max)
	}))
);
const fixedSpecs = VERSIONS.flatMap((version) =>
	[0.1, 0.3, 0.35, 0.5, 0.75, 1, 1.3, 1.4, 1.5].flatMap((alpha) =>
		[32, 33, 97, 128, 224, 225].map((resolution) => ({ version, alpha, resolution }))
	)
);
const specs: Array<[string, NetworkSpec]> = [
	...[...fixedSpecs, ...randomSpecs].map(
		(c) =>
			[`${c.version} α=${c.alpha.toFixed(3)} ${c.resolution}`, buildSpec(c)] as [
				string,
				NetworkSpec
			]
	),
	['v1 α=0.01 224', mobilenetV1(0.01)],
	['v1 full conv 1.0-224', mobilenetV1FullConv()],
	['v1 full conv 0.5-97', mobilenetV1FullConv(0.5, 97)],
	['v2 10 classes', buildSpec({ version: 'v2', alpha: 1, resolution: 224, classes: 10 })]
];

describe.each(specs)('%s is a consistent spec', (_, spec) => {
	it('has unique names and a DAG whose edges agree on shapes', () => {
		const byName = new Map(spec.layers.map((l, i) => [l.name, { layer: l, index: i }]));
		expect(byName.size).toBe(spec.layers.length);
		const consumed = new Set<string>();
		spec.layers.forEach((l, i) => {
			if (l.inputs.length === 0) {
				expect(i).toBe(0);
				expect(l.input).toEqual([spec.config.resolution, spec.config.resolution, 3]);
			}
			expect(l.inputs.length).toBe(l.kind === 'add' ? 2 : i === 0 ? 0 : 1);
			for (const name of l.inputs) {
				const producer = byName.get(name);
				expect(producer, `${l.name} reads ${name}`).toBeDefined();
				expect(producer!.index).toBeLessThan(i);
				expect(producer!.layer.output, `${name} → ${l.name}`).toEqual(l.input);
				consumed.add(name);
			}
		});
		// Every layer but the classifier feeds something.
		expect(spec.layers.filter((l) => !consumed.has(l.name)).map((l) => l.name)).toEqual([
			spec.layers[spec.layers.length - 1]?.name
		]);
		expect(spec.layers[spec.layers.length - 1]?.output).toEqual([1, 1, spec.config.classes]);
	});

	it('follows ceil(H / stride) with square maps', () => {
		for (const l of spec.layers) {
			const [h, w] = l.output;
			expect(h).toBe(w);
			if (l.kind === 'conv' || l.kind === 'depthwise' || l.kind === 'pointwise') {
				expect(h, l.name).toBe(Math.ceil(l.input[0] / l.stride));
			}
			if (l.kind === 'depthwise' || l.kind === 'se' || l.kind === 'add') {
				expect(l.output[2]).toBe(l.input[2]);
			}
		}
	});

	it('sums layer costs into totals and byKind', () => {
		let macs = 0;
		let params = 0;
		let kerasParams = 0;
		for (const l of spec.layers) {
			macs += l.macs;
			params += l.params;
			kerasParams += l.kerasParams;
		}
		expect(spec.totals).toEqual({ macs, params, kerasParams });
		const sum = (key: 'macs' | 'params' | 'kerasParams') =>
			LAYER_KINDS.reduce((s, k) => s + spec.byKind[k][key], 0);
		expect(sum('macs')).toBe(macs);
		expect(sum('params')).toBe(params);
		expect(sum('kerasParams')).toBe(kerasParams);
	});

	it('counts each layer by the papers and by Keras', () => {
		for (const l of spec.layers) {
			const [h, , c] = l.output;
			const m = l.input[2];
			const k2 = l.kernel * l.kernel;
			const extra = (l.useBias ? c : 0) + (l.batchNorm ? 4 * c : 0);
			expect(l.batchNorm).toBe(l.bnName !== undefined);
			expect(Number.isInteger(l.macs) && l.macs >= 0).toBe(true);
			switch (l.kind) {
				case 'conv':
				case 'pointwise':
				case 'fc':
					expect(l.params).toBe(k2 * m * c);
					expect(l.macs).toBe(l.params * h * h);
					expect(l.kerasParams).toBe(l.params + extra);
					break;
				case 'depthwise':
					expect(l.params).toBe(k2 * c);
					expect(l.macs).toBe(l.params * h * h);
					expect(l.kerasParams).toBe(l.params + extra);
					break;
				case 'se': {
					const r = l.seChannels ?? NaN;
					expect(l.macs).toBe(2 * c * r);
					expect(l.params).toBe(2 * c * r);
					expect(l.kerasParams).toBe(2 * c * r + r + c);
					break;
				}
				default:
					expect([l.macs, l.params, l.kerasParams]).toEqual([0, 0, 0]);
			}
		}
	});
});

describe('V1 width multiplier range', () => {
	it.each([0.01, 0.1, 0.3, 1.3, 1.5])('builds α = %d with widths of at least 8', (alpha) => {
		const spec = mobilenetV1(alpha, 32);
		for (const l of spec.layers.slice(0, -2)) expect(l.output[2]).toBeGreaterThanOrEqual(8);
		expect(spec.layers.find((l) => l.name === 'conv_pw_13')?.output[2]).toBe(
			Math.max(Math.trunc(1024 * alpha), 8)
		);
	});

	it('maps 33, 97 and 225 pixels to ceil-halved maps', () => {
		expect(
			mobilenetV1(1, 33)
				.layers.map((l) => l.output[0])
				.slice(0, 4)
		).toEqual([17, 17, 17, 9]);
		expect(mobilenetV1(1, 97).layers.find((l) => l.name === 'conv_pw_13')?.output).toEqual([
			4, 4, 1024
		]);
		expect(mobilenetV1(1, 225).layers.find((l) => l.name === 'conv_pw_13')?.output).toEqual([
			8, 8, 1024
		]);
	});
});
