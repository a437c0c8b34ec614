import { describe, expect, it } from 'vitest';
import { buildSpec } from '$lib/architecture';
import { parseLabLayer, parseLabQuery } from '$lib/lab/query';
import { labLinkKind, labQuery, rowLayer } from '$lib/lessons/lab-link';
import { v1Table, v2Table, v3Table } from '$lib/lessons/tables';

const v1 = buildSpec({ version: 'v1', alpha: 1, resolution: 224 });
const v2 = buildSpec({ version: 'v2', alpha: 1, resolution: 224 });
const v3 = buildSpec({ version: 'v3-large', alpha: 1, resolution: 224 });

describe('links from lessons into the lab', () => {
	it('open the lab on the network and layer they name', () => {
		const params = new URLSearchParams(
			labQuery(buildSpec({ version: 'v1', alpha: 0.5, resolution: 160 }), 'conv_dw_2')
		);
		expect(parseLabQuery(params).config).toMatchObject({
			version: 'v1',
			alpha: 0.5,
			resolution: 160
		});
		expect(parseLabLayer(params)).toBe('conv_dw_2');
	});

	it('say what the layer shows, from its role', () => {
		expect(labLinkKind(v1, 'conv_dw_2')).toBe('separable');
		expect(labLinkKind(v2, 'block_2_expand')).toBe('bottleneck');
		expect(labLinkKind(v3, 'expanded_conv_4/squeeze_excite')).toBe('squeeze-excite');
		expect(labLinkKind(v1, 'conv1')).toBe('layer');
		expect(() => labLinkKind(v1, 'conv_dw_99')).toThrow(/no layer conv_dw_99/);
	});

	it('give every row of the papers’ tables a layer the lab has', () => {
		for (const [spec, keys] of [
			[v1, v1Table(v1).map((r) => r.layer)],
			[v2, v2Table(v2).map((r) => r.key)],
			[v3, v3Table(v3).map((r) => r.key)]
		] as const) {
			for (const key of keys) {
				const layer = rowLayer(spec, key);
				expect(spec.layers.some((l) => l.name === layer)).toBe(true);
			}
		}
		expect(rowLayer(v1, 'conv_preds_softmax')).toBe('conv_preds');
		expect(rowLayer(v2, 'block 3')).toBe('block_3_expand');
	});
});
