import { describe, expect, it } from 'vitest';
import { ALPHA_RANGE, DEFAULT_CONFIG, RESOLUTION_RANGE, VERSIONS } from '$lib/architecture';
import {
	applyField,
	refusal,
	parseLabLayer,
	parseLabQuery,
	sameConfig,
	serializeLabQuery
} from '$lib/lab/query';

const parse = (query: string) => parseLabQuery(new URLSearchParams(query));

describe('lab query', () => {
	it('reads a shared link exactly', () => {
		const { config, notes } = parse('?version=v2&alpha=0.5&res=160');
		expect(config).toEqual({ ...DEFAULT_CONFIG, version: 'v2', alpha: 0.5, resolution: 160 });
		expect(notes).toEqual([]);
	});

	it('takes the defaults quietly when the query is empty or partial', () => {
		expect(parse('')).toEqual({ config: DEFAULT_CONFIG, notes: [] });
		expect(parse('?alpha=0.75')).toEqual({ config: { ...DEFAULT_CONFIG, alpha: 0.75 }, notes: [] });
	});

	it('round-trips every version and a spread of values', () => {
		for (const version of VERSIONS) {
			for (const alpha of [ALPHA_RANGE.min, 0.35, 0.75, 1, 1.4, ALPHA_RANGE.max]) {
				for (const resolution of [RESOLUTION_RANGE.min, 97, 224, RESOLUTION_RANGE.max]) {
					const config = { ...DEFAULT_CONFIG, version, alpha, resolution };
					const back = parse(serializeLabQuery(config));
					expect(back.notes).toEqual([]);
					expect(back.config).toEqual(config);
				}
			}
		}
	});

	it('writes version, alpha and res in that order', () => {
		expect(serializeLabQuery({ ...DEFAULT_CONFIG, version: 'v3-small', alpha: 0.75 })).toBe(
			'version=v3-small&alpha=0.75&res=224'
		);
	});

	it('carries the open layer after the config, and reads it back', () => {
		const query = serializeLabQuery({ ...DEFAULT_CONFIG, alpha: 0.25 }, 'conv_dw_2');
		expect(query).toBe('version=v1&alpha=0.25&res=224&layer=conv_dw_2');
		expect(parseLabLayer(new URLSearchParams(query))).toBe('conv_dw_2');
		// V3's names hold a slash: encoded on the way out, decoded on the way in.
		const v3 = serializeLabQuery(
			{ ...DEFAULT_CONFIG, version: 'v3-large' },
			'expanded_conv_3/squeeze_excite'
		);
		expect(parseLabLayer(new URLSearchParams(v3))).toBe('expanded_conv_3/squeeze_excite');
		expect(parseLabLayer(new URLSearchParams('version=v1&layer='))).toBeNull();
	});

	it('replaces bad values with valid ones and notes each', () => {
		const { config, notes } = parse('?version=v9&alpha=abc&res=99999');
		expect(config).toEqual({ ...DEFAULT_CONFIG, resolution: RESOLUTION_RANGE.max });
		expect(notes).toEqual([
			{ field: 'version', given: 'v9', used: DEFAULT_CONFIG.version },
			{ field: 'alpha', given: 'abc', used: String(DEFAULT_CONFIG.alpha) },
			{ field: 'res', given: '99999', used: String(RESOLUTION_RANGE.max) }
		]);
	});

	it('clamps out-of-range numbers to the nearest end and rounds fractional pixels', () => {
		expect(parse('?alpha=0&res=1').config).toMatchObject({
			alpha: ALPHA_RANGE.min,
			resolution: RESOLUTION_RANGE.min
		});
		const { config, notes } = parse('?alpha=7&res=160.6');
		expect(config).toMatchObject({ alpha: ALPHA_RANGE.max, resolution: 161 });
		expect(notes.map((n) => n.field)).toEqual(['alpha', 'res']);
	});
});

describe('applyField', () => {
	const start = { ...DEFAULT_CONFIG, version: 'v2' as const, alpha: 0.5, resolution: 160 };

	it('changes one field and keeps the others', () => {
		expect(applyField(start, { field: 'alpha', value: 0.75 })).toEqual({
			config: { ...start, alpha: 0.75 },
			notes: []
		});
		expect(applyField(start, { field: 'version', value: 'v3-large' }).config).toEqual({
			...start,
			version: 'v3-large'
		});
		expect(applyField(start, { field: 'res', value: 192 }).config).toEqual({
			...start,
			resolution: 192
		});
	});

	it('clamps a value with a note about that field only', () => {
		const { config, notes } = applyField(start, { field: 'alpha', value: 2 });
		expect(config).toEqual({ ...start, alpha: ALPHA_RANGE.max });
		expect(notes).toEqual([{ field: 'alpha', given: '2', used: String(ALPHA_RANGE.max) }]);
		expect(applyField(start, { field: 'res', value: 160.4 })).toEqual({
			config: start,
			notes: [{ field: 'res', given: '160.4', used: '160' }]
		});
	});

	it('refuses text that is no number, keeping the value in use', () => {
		expect(refusal(start, 'alpha', 'abc')).toEqual({ field: 'alpha', given: 'abc', used: '0.5' });
		expect(refusal(start, 'res', 'x')).toEqual({ field: 'res', given: 'x', used: '160' });
	});

	it('compares configs by value', () => {
		expect(sameConfig(start, { ...start })).toBe(true);
		expect(sameConfig(start, { ...start, resolution: 168 })).toBe(false);
	});
});
