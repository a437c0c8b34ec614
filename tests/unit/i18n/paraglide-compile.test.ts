/**
 * The Paraglide compiler the project installs (see CONTRIBUTING.md, "Dependencies") turns the
 * inlang message format's plural variants into CLDR plural selection, per language. Compiles a
 * small project of its own, so it holds whatever messages/*.json contain today.
 */
import { compile } from '@inlang/paraglide-js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Layers = (inputs: { count: number }, options?: { locale?: 'en' | 'ru' }) => string;

const plural = (match: Record<string, string>) => [
	{
		declarations: ['input count', 'local countPlural = count: plural'],
		selectors: ['countPlural'],
		match
	}
];

const project = {
	'project.inlang/settings.json': {
		baseLocale: 'en',
		locales: ['en', 'ru'],
		modules: [resolve('node_modules/@inlang/plugin-message-format/dist/index.js')],
		'plugin.inlang.messageFormat': { pathPattern: './messages/{locale}.json' }
	},
	'messages/en.json': {
		layers: plural({ 'countPlural=one': '{count} layer', 'countPlural=other': '{count} layers' })
	},
	'messages/ru.json': {
		layers: plural({
			'countPlural=one': '{count} слой',
			'countPlural=few': '{count} слоя',
			'countPlural=many': '{count} слоёв',
			'countPlural=other': '{count} слоя'
		})
	}
};

describe('Paraglide compiles plural variants', () => {
	let dir = '';
	let layers: Layers;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'separable-paraglide-'));
		for (const [file, content] of Object.entries(project)) {
			mkdirSync(join(dir, file, '..'), { recursive: true });
			writeFileSync(join(dir, file), JSON.stringify(content));
		}
		await compile({
			project: join(dir, 'project.inlang'),
			outdir: join(dir, 'out'),
			strategy: ['baseLocale'],
			emitReadme: false
		});
		({ layers } = (await import(pathToFileURL(join(dir, 'out/messages.js')).href)).m);
	}, 60_000);

	afterAll(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('Russian: one, few, many and the fraction form', () => {
		expect(
			[1, 21, 3, 22, 5, 11, 12, 25, 1.5].map((count) => layers({ count }, { locale: 'ru' }))
		).toEqual([
			'1 слой',
			'21 слой',
			'3 слоя',
			'22 слоя',
			'5 слоёв',
			'11 слоёв',
			'12 слоёв',
			'25 слоёв',
			'1.5 слоя'
		]);
	});

	it('English: one and other, in the base locale', () => {
		expect([1, 0, 2].map((count) => layers({ count }))).toEqual([
			'1 layer',
			'0 layers',
			'2 layers'
		]);
	});
});
