import { describe, expect, it } from 'vitest';
import {
	ALPHA_RANGE,
	DEFAULT_CONFIG,
	RESOLUTION_RANGE,
	buildSpec,
	clampConfig,
	mobilenetV1,
	mobilenetV2,
	mobilenetV3Large,
	mobilenetV3Small,
	withDefaults
} from '../../../src/lib/architecture';

describe('clampConfig', () => {
	it('takes the defaults quietly when nothing is given', () => {
		expect(clampConfig({})).toEqual({ config: DEFAULT_CONFIG, notes: [] });
		expect(clampConfig({ version: null, alpha: null, res: null })).toEqual({
			config: DEFAULT_CONFIG,
			notes: []
		});
		expect(DEFAULT_CONFIG).toEqual({ version: 'v1', alpha: 1, resolution: 224, classes: 1000 });
	});

	it.each([
		['v2', '0.35', '96'],
		['v3-large', '0.75', '224'],
		['v3-small', '1.5', '512'],
		['v1', '0.1', '32'],
		['v1', '1.0', '224']
	])('leaves valid input untouched: %s %s %s', (version, alpha, res) => {
		const { config, notes } = clampConfig({ version, alpha, res });
		expect(notes).toEqual([]);
		expect(config).toEqual({
			version,
			alpha: Number(alpha),
			resolution: Number(res),
			classes: 1000
		});
	});

	it('replaces garbage with defaults and clamps out-of-range values, noting each', () => {
		expect(clampConfig({ version: 'v9', alpha: 'abc', res: 'abc' })).toEqual({
			config: DEFAULT_CONFIG,
			notes: [
				{ field: 'version', given: 'v9', used: 'v1' },
				{ field: 'alpha', given: 'abc', used: '1' },
				{ field: 'res', given: 'abc', used: '224' }
			]
		});
		expect(clampConfig({ alpha: '-1', res: '-1' }).notes).toEqual([
			{ field: 'alpha', given: '-1', used: String(ALPHA_RANGE.min) },
			{ field: 'res', given: '-1', used: String(RESOLUTION_RANGE.min) }
		]);
		expect(clampConfig({ alpha: '9', res: '9' }).config).toMatchObject({
			alpha: ALPHA_RANGE.max,
			resolution: RESOLUTION_RANGE.min
		});
		expect(clampConfig({ alpha: '1e9', res: '1e9' }).config).toMatchObject({
			alpha: ALPHA_RANGE.max,
			resolution: RESOLUTION_RANGE.max
		});
		expect(clampConfig({ alpha: '', res: 'Infinity' }).notes).toEqual([
			{ field: 'alpha', given: '', used: '1' },
			{ field: 'res', given: 'Infinity', used: '224' }
		]);
		expect(clampConfig({ res: '100.6' })).toMatchObject({
			config: { resolution: 101 },
			notes: [{ field: 'res', given: '100.6', used: '101' }]
		});
	});

	it('always yields a buildable config', () => {
		for (const version of ['v1', 'v2', 'v3-large', 'v3-small', 'V2', '', 'x']) {
			for (const alpha of ['abc', '-1', '0', '9', '1e9', '0.5']) {
				for (const res of ['abc', '-1', '9', '1e9', '160']) {
					const { config } = clampConfig({ version, alpha, res });
					expect(buildSpec(config).layers.length).toBeGreaterThan(0);
				}
			}
		}
	});
});

describe('buildSpec', () => {
	it('dispatches by version with default classes', () => {
		expect(buildSpec({ version: 'v1', alpha: 0.5, resolution: 160 })).toEqual(
			mobilenetV1(0.5, 160)
		);
		expect(buildSpec({ version: 'v2', alpha: 1, resolution: 224 })).toEqual(mobilenetV2());
		expect(buildSpec({ version: 'v3-large', alpha: 1, resolution: 224 })).toEqual(
			mobilenetV3Large()
		);
		expect(buildSpec({ version: 'v3-small', alpha: 1, resolution: 224 })).toEqual(
			mobilenetV3Small()
		);
		expect(mobilenetV2().config).toEqual({
			version: 'v2',
			alpha: 1,
			resolution: 224,
			classes: 1000
		});
	});

	it('rejects configs no network can be built from', () => {
		expect(() => withDefaults({ version: 'v1', alpha: 0, resolution: 224 })).toThrow(RangeError);
		expect(() => mobilenetV1(Number.NaN)).toThrow(RangeError);
		expect(() => mobilenetV2(1, 100.5)).toThrow(RangeError);
		expect(() => mobilenetV3Small(1, 224, 0)).toThrow(RangeError);
	});
});
