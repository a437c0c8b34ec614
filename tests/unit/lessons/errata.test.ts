import { describe, expect, it } from 'vitest';
import { ERRATA } from '$lib/architecture';
import { erratumWithComputed, uncoveredErrata } from '$lib/lessons/errata';

describe('errata, printed against computed', () => {
	it('computes a value for every erratum the engine lists', () => {
		expect(uncoveredErrata()).toEqual([]);
		for (const { id } of ERRATA) expect(erratumWithComputed(id).computed.length).toBeGreaterThan(0);
		expect(() => erratumWithComputed('no-such-erratum')).toThrow(/unknown erratum/);
	});

	it('gives the corrected figures the lessons teach', () => {
		const share = erratumWithComputed('v1-conv1-share').computed[0];
		expect(share?.kind === 'percent' && (share.value * 100).toFixed(2)).toBe('1.91');
		expect(erratumWithComputed('v1-dw13-stride').computed).toEqual([
			{ label: 'stride', kind: 'text', value: 's1' }
		]);
		expect(
			erratumWithComputed('v1-relu6').computed.map((c) => c.kind === 'text' && c.value)
		).toEqual(['ReLU6']);
		const [withoutFc, withFc] = erratumWithComputed('v1-table4-no-fc').computed;
		expect(withoutFc?.kind === 'millions' && Math.round(withoutFc.value / 1e6)).toBe(4866);
		expect(withFc?.kind === 'millions' && Math.round(withFc.value / 1e6)).toBe(4867);
		const [at160] = erratumWithComputed('v1-table7-160').computed;
		expect(at160?.kind === 'millions' && Math.round(at160.value / 1e6)).toBe(291);
		// TF-slim's α = 0.75 figures are the counts without conv1: 317, 233, 162, 104.
		const slim = erratumWithComputed('tf-slim-v1-macs').computed;
		expect(
			slim.slice(0, 4).map((c) => c.label === 'without-conv1' && Math.round(Number(c.value) / 1e6))
		).toEqual([317, 233, 162, 104]);
		const [planet, planetWithFc] = erratumWithComputed('v1-planet-madds').computed;
		expect(planet?.kind === 'millions' && Math.round(planet.value / 1e7) / 100).toBe(0.57);
		// With the final layer's weights (13 million printed, less the body's 3.2 million): 0.58 billion.
		expect(planetWithFc?.label).toBe('with-fc');
		expect(planetWithFc?.kind === 'millions' && Math.round(planetWithFc.value / 1e7) / 100).toBe(
			0.58
		);
		expect(erratumWithComputed('v1-relu6').erratum.kind).toBe('release');
		expect(erratumWithComputed('v1-table7-160').erratum.kind).toBe('rounding');
		const [v2v1] = erratumWithComputed('v2-v1-madds').computed;
		expect(v2v1?.kind === 'millions' && Math.round(v2v1.value / 1e6)).toBe(569);
	});
});
