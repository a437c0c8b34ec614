import { describe, expect, it } from 'vitest';
import { mobilenetV1, mobilenetV2 } from '$lib/architecture';
import {
	CHART_ALPHA,
	CHART_RESOLUTION,
	checkpointPoints,
	labQuery,
	modelAt,
	snap
} from '$lib/lessons/accuracy';
import { multiplierRows } from '$lib/lessons/multipliers';
import { engineNumber, formatNumber } from '$lib/lessons/numbers';
import { escapeHtml, renderInlineMath } from '$lib/lessons/inline-math';

const base = { net: 'v1', alpha: 1, res: 224 } as const;

describe('engine numbers for lessons', () => {
	it('reads totals, kinds, shares, counts and layer shapes', () => {
		expect(engineNumber({ ...base, metric: 'macs' })).toBe(mobilenetV1().totals.macs);
		expect(engineNumber({ ...base, net: 'v2', metric: 'params' })).toBe(
			mobilenetV2().totals.params
		);
		expect(engineNumber({ ...base, metric: 'macs', kind: 'pointwise' })).toBe(
			mobilenetV1().byKind.pointwise.macs
		);
		expect(engineNumber({ ...base, metric: 'share-macs', kind: 'pointwise' })).toBeCloseTo(
			0.9486,
			4
		);
		expect(engineNumber({ ...base, metric: 'layers' })).toBe(28);
		expect(engineNumber({ ...base, metric: 'count', kind: 'depthwise' })).toBe(13);
		expect(engineNumber({ ...base, net: 'v2', metric: 'count', kind: 'add' })).toBe(10);
		expect(engineNumber({ ...base, metric: 'out-size', layer: 'conv1' })).toBe(112);
		expect(engineNumber({ ...base, metric: 'out-pixels', layer: 'conv1' })).toBe(112 * 112);
		expect(engineNumber({ ...base, metric: 'out-pixels', layer: 'conv_pw_13' })).toBe(49);
		expect(engineNumber({ ...base, res: 160, metric: 'out-pixels', layer: 'conv_pw_13' })).toBe(25);
		expect(engineNumber({ ...base, metric: 'out-channels', layer: 'conv_pw_13' })).toBe(1024);
		expect(engineNumber({ ...base, alpha: 0.5, metric: 'out-channels', layer: 'conv_pw_13' })).toBe(
			512
		);
		expect(engineNumber({ ...base, net: 'v1-full-conv', metric: 'params' })).toBeGreaterThan(29e6);
	});

	it('reads a stage by its map size: V1 spends half its mult-adds at 14 × 14', () => {
		const spec = mobilenetV1();
		const stage = (size: number) =>
			spec.layers.filter((l) => l.output[0] === size).reduce((sum, l) => sum + l.macs, 0);
		expect(engineNumber({ ...base, metric: 'macs', map: 14 })).toBe(stage(14));
		expect(engineNumber({ ...base, metric: 'macs', map: 14 })).toBe(287_558_656);
		expect(engineNumber({ ...base, metric: 'share-macs', map: 14 })).toBeCloseTo(0.5056, 4);
		const shares = [112, 56, 28, 14, 7].map((size) =>
			engineNumber({ ...base, metric: 'share-macs', map: size })
		);
		// The stages and the 1 × 1 head (pool and classifier) make up the whole network.
		const head = engineNumber({ ...base, metric: 'share-macs', map: 1 });
		expect(shares.reduce((a, b) => a + b, 0) + head).toBeCloseTo(1, 12);
		expect(Math.max(...shares)).toBe(shares[3]);
		// Kind and stage together: the 14 × 14 pointwise layers.
		expect(engineNumber({ ...base, metric: 'count', kind: 'pointwise', map: 14 })).toBe(6);
	});

	it('gives the arithmetic intensity of a layer in mult-adds per byte (32-bit floats)', () => {
		// 56 × 56 × 128: depthwise 3 × 3 against pointwise 128 → 128.
		const dw = engineNumber({ ...base, metric: 'intensity', layer: 'conv_dw_3' });
		const pw = engineNumber({ ...base, metric: 'intensity', layer: 'conv_pw_3' });
		expect(dw).toBeCloseTo((9 * 56 * 56 * 128) / (4 * (2 * 56 * 56 * 128 + 9 * 128)), 12);
		expect(dw).toBeCloseTo(1.12, 2);
		expect(pw).toBeCloseTo((128 * 128 * 56 * 56) / (4 * (2 * 56 * 56 * 128 + 128 * 128)), 12);
		expect(pw / dw).toBeGreaterThan(13);
		expect(() => engineNumber({ ...base, metric: 'intensity' })).toThrow(/needs a layer/);
	});

	it("counts Table 5's shallow network: V1 without its five repeated 14 × 14 blocks", () => {
		const shallow = { ...base, net: 'v1-shallow' } as const;
		expect(engineNumber({ ...shallow, metric: 'count', kind: 'depthwise' })).toBe(8);
		expect(Math.round(engineNumber({ ...shallow, metric: 'macs' }) / 1e6)).toBe(307);
		expect(Math.round(engineNumber({ ...shallow, metric: 'params' }) / 1e5) / 10).toBe(2.9);
	});

	it('refuses queries a lesson got wrong', () => {
		expect(() => engineNumber({ ...base, metric: 'macs', layer: 'conv_dw_14' })).toThrow(
			/no layer/
		);
		expect(() => engineNumber({ ...base, metric: 'share-macs' })).toThrow(/needs a kind/);
		expect(() => engineNumber({ ...base, metric: 'out-size' })).toThrow(/needs a layer/);
		expect(() => engineNumber({ ...base, metric: 'out-pixels' })).toThrow(/needs a layer/);
		expect(() => engineNumber({ ...base, metric: 'share-macs', map: 13 })).toThrow(/no 13 × 13/);
	});

	it("prints in each language's conventions", () => {
		expect(formatNumber(568740352, 'integer', 'en')).toBe('568,740,352');
		expect(formatNumber(568740352, 'millions', 'en')).toBe('569');
		expect(formatNumber(4209088, 'millions', 'ru', 1)).toBe('4,2');
		expect(formatNumber(0.9486, 'percent', 'en', 2)).toBe('94.86%');
		expect(formatNumber(568740352, 'compact', 'en')).toBe('569M');
		expect(formatNumber(568740352, 'compact', 'zh')).toBe('5.69\u00a0亿');
		expect(formatNumber(568740352, 'compact', 'ko')).toBe('5.69억');
		// Chinese and Korean print the unit with the count, to the precision asked for.
		expect(formatNumber(568740352, 'millions', 'zh')).toBe('5.69\u00a0亿');
		expect(formatNumber(4209088, 'millions', 'ko', 1)).toBe('420만');
	});
});

describe('accuracy chart data', () => {
	it('places the 16 checkpoints at the engine counts', () => {
		const points = checkpointPoints();
		expect(points).toHaveLength(16);
		const full = points.find((p) => p.alpha === 1 && p.resolution === 224);
		expect(full).toMatchObject({ macs: mobilenetV1().totals.macs, top1: 70.9, printedMacsM: 569 });
		expect(modelAt(0.75, 160, points).checkpoint?.top1).toBe(65.3);
		expect(modelAt(0.8, 160, points).checkpoint).toBeNull();
		expect(modelAt(0.8, 160, points).macs).toBe(mobilenetV1(0.8, 160).totals.macs);
	});

	it('snaps slider values onto exact steps inside the lab ranges', () => {
		expect(snap(0.1 + 0.05 * 3, CHART_ALPHA)).toBe(0.25);
		expect(snap(0.7499999, CHART_ALPHA)).toBe(0.75);
		expect(snap(9, CHART_ALPHA)).toBe(CHART_ALPHA.max);
		expect(snap(170, CHART_RESOLUTION)).toBe(176);
		expect(snap(1, CHART_RESOLUTION)).toBe(CHART_RESOLUTION.min);
		expect(labQuery(0.5, 160)).toBe('?version=v1&alpha=0.5&res=160');
	});

	it('flags the printed mult-adds that are not the rounded counts (Tables 6 and 7)', () => {
		expect(
			multiplierRows('resolution')
				.filter((r) => r.differs)
				.map((r) => r.resolution)
		).toEqual([160]);
		expect(multiplierRows('alpha').map((r) => r.alpha)).toEqual([1, 0.75, 0.5, 0.25]);
	});
});

describe('inline math for the glossary', () => {
	it('escapes text and renders $…$ with KaTeX and MathML', () => {
		const html = renderInlineMath('cost <b> & $\\frac{1}{N}$ done');
		expect(html.startsWith('cost &lt;b&gt; &amp; <span class="katex">')).toBe(true);
		expect(html).toContain('<math');
		expect(html.endsWith(' done')).toBe(true);
		expect(escapeHtml(`"it's"`)).toBe('&quot;it&#39;s&quot;');
		expect(() => renderInlineMath('$\\frac{1}{$')).toThrow();
	});
});
