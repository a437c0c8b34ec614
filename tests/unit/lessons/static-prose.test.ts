import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	ISLAND_WIDGETS,
	LESSON_COMPONENT_FOLDERS,
	componentsIn
} from '../../../src/lib/lessons/widgets.js';
import { islandProps } from '$lib/components/island/props';
import { LANGUAGES, compiledFacts, slugsOf } from './helpers';

const components = componentsIn(process.cwd(), LESSON_COMPONENT_FOLDERS);
const file = (path: string) => resolve(path.replace(/^\$lib\//, 'src/lib/'));

/** What a component does in the browser: handlers, state, effects, bindings, attachments. */
const BEHAVIOUR =
	/\bon[a-z]+=\{|\{on[a-z]+\}|\bon:[a-z]|\$state|\$effect|\bbind:|\buse:|\b(?:transition|in|out|animate):|\{@attach|onMount\(|onDestroy\(/;

/** A component's own source and that of every Svelte component it imports, transitively. */
function sources(path: string, seen = new Set<string>()): Map<string, string> {
	const out = new Map<string, string>();
	if (seen.has(path)) return out;
	seen.add(path);
	const text = readFileSync(path, 'utf8');
	out.set(path, text);
	for (const [, imported = ''] of text.matchAll(/import \w+ from '([^']+\.svelte)'/g)) {
		const next = imported.startsWith('.') ? resolve(dirname(path), imported) : file(imported);
		for (const [p, t] of sources(next, seen)) out.set(p, t);
	}
	return out;
}

describe('static lesson prose', () => {
	const used = new Set(
		LANGUAGES.flatMap((lang) =>
			slugsOf(lang).flatMap((slug) => compiledFacts(lang, slug).components)
		)
	);

	it('knows every island widget', () => {
		for (const name of ISLAND_WIDGETS) expect(components, name).toHaveProperty(name);
	});

	// A reading page never hydrates its prose: a component there that listens, binds or keeps
	// state would look alive and do nothing. Such a component is a widget: list it in ISLAND_WIDGETS.
	it('holds no component that does anything in the browser, outside the widget islands', () => {
		const statics = [...used].filter(
			(name) => name in components && !ISLAND_WIDGETS.includes(name)
		);
		expect(statics).toContain('Term');
		expect(statics).toContain('Num');
		for (const name of statics) {
			for (const [path, text] of sources(file(components[name] ?? ''))) {
				const script = text.replace(/<style[\s\S]*?<\/style>/g, '');
				expect(BEHAVIOUR.exec(script)?.[0], `${name}: ${path}`).toBeUndefined();
			}
		}
	});

	it('would catch a component that listens', () => {
		expect(BEHAVIOUR.test('<button onclick={() => go()}>')).toBe(true);
		expect(BEHAVIOUR.test('<button {onclick}>')).toBe(true);
		expect(BEHAVIOUR.test('let open = $state(false);')).toBe(true);
		expect(BEHAVIOUR.test('<div {@attach watch}>')).toBe(true);
		expect(BEHAVIOUR.test('<div use:tooltip>')).toBe(true);
		expect(BEHAVIOUR.test('<p transition:fade>')).toBe(true);
		expect(BEHAVIOUR.test('<p class="n">{value}</p>')).toBe(false);
	});
});

describe('islandProps', () => {
	it("carries a widget's props as JSON that reads back as given", () => {
		const props = { net: 'v1', alpha: 0.5, controls: true, models: [{ net: 'v1', res: 112 }] };
		expect(JSON.parse(islandProps(props, 'CostSplit'))).toEqual(props);
	});

	it('refuses what JSON would change or drop', () => {
		expect(() => islandProps({ f: () => 1 }, 'Chart')).toThrow(/<Chart>: an island's props/);
		expect(() => islandProps({ n: Number.NaN }, 'Chart')).toThrow(/plain data/);
		expect(() => islandProps({ u: undefined }, 'Chart')).toThrow(/plain data/);
		expect(() => islandProps({ d: new Date(0) }, 'Chart')).toThrow(/plain data/);
	});
});
