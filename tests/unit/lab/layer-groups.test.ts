import { describe, expect, it } from 'vitest';
import { buildSpec } from '$lib/architecture';
import { groupOf, layerGroups, roleOf } from '$lib/lab/layer-groups';

const roles = (version: 'v1' | 'v2' | 'v3-large', block: string) => {
	const spec = buildSpec({ version, alpha: 1, resolution: 224 });
	return spec.layers.filter((l) => l.block === block).map((l) => roleOf(l, spec.layers));
};

describe('layer groups in the lessons’ words', () => {
	it('stem, numbered blocks, head, in network order, every layer once', () => {
		for (const version of ['v1', 'v2', 'v3-large'] as const) {
			const spec = buildSpec({ version, alpha: 1, resolution: 224 });
			const groups = layerGroups(spec.layers);
			expect(groups[0]!.kind).toBe('stem');
			expect(groups.at(-1)!.kind).toBe('head');
			expect(groups.flatMap((g) => g.layers)).toEqual(spec.layers);
			const numbers = groups.filter((g) => g.kind === 'block').map((g) => g.number!);
			expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
		}
		expect(groupOf('block 12')).toEqual({ kind: 'block', number: 12 });
	});

	it('V1: depthwise then pointwise; V2: expansion, depthwise, projection, residual add', () => {
		expect(roles('v1', 'stem')).toEqual(['standard']);
		expect(roles('v1', 'block 2')).toEqual(['depthwise', 'pointwise']);
		expect(roles('v1', 'head')).toEqual(['pool', 'classifier']);
		expect(roles('v2', 'block 0')).toEqual(['depthwise', 'projection']);
		expect(roles('v2', 'block 2')).toEqual([
			'expansion',
			'depthwise',
			'projection',
			'residual-add'
		]);
		expect(roles('v2', 'head')).toEqual(['pointwise', 'pool', 'classifier']);
		expect(roles('v3-large', 'block 4')).toEqual([
			'expansion',
			'depthwise',
			'squeeze-excite',
			'projection',
			'residual-add'
		]);
	});
});
