import { describe, expect, it } from 'vitest';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;
import {
	LAZY_WIDGET,
	lazyWidgets,
	lazyWidgetStyles,
	lessonPreloads,
	WIDGET_LOADERS,
	widgetLoaders
} from '../../../src/lib/lessons/lazy-widgets.js';
import { ISLAND_WIDGETS } from '../../../src/lib/lessons/widgets.js';

type Hook = (...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'resolveId' | 'load') => plugin[name] as unknown as Hook;

describe('lazyWidgets (Vite plugin)', () => {
	const [plugin] = lazyWidgets();
	if (!plugin) throw new Error('lazyWidgets() returned no plugin');
	const resolveId = hook(plugin, 'resolveId');
	const load = hook(plugin, 'load');
	const path = '$lib/components/viz/ConvolutionAnimation.svelte';

	it('resolves only its own imports, to an id the Svelte plugin does not compile', () => {
		const id = resolveId(`${LAZY_WIDGET}${path}`);
		expect(typeof id).toBe('string');
		expect(id).toMatch(/^\0/);
		expect(id).not.toMatch(/\.svelte$/);
		expect(resolveId(path)).toBeUndefined();
		expect(load(path, {})).toBeUndefined();
	});

	it('is the component itself on the server and a lazy stand-in in the browser', () => {
		const id = resolveId(`${LAZY_WIDGET}${path}`);
		expect(load(id, { ssr: true })).toBe(`export { default } from "${path}";`);
		const browser = String(load(id, { ssr: false }));
		expect(browser).toContain("from '$lib/components/island/lazy-widget'");
		expect(browser).toContain(`lazyWidget(() => import("${path}"))`);
		expect(browser).not.toMatch(/^import .* from "\$lib\/components\/viz/m);
	});
});

describe('virtual:lesson-widgets', () => {
	const [plugin] = lazyWidgets(process.cwd());
	if (!plugin) throw new Error('lazyWidgets() returned no plugin');

	it("imports every island widget's code by name, from the folder lessons take it from", () => {
		const id = hook(plugin, 'resolveId')(WIDGET_LOADERS);
		const source = String(hook(plugin, 'load')(id, { ssr: false }));
		const names = [...source.matchAll(/^\t(\w+): \(\) => import\("([^"]+)"\)/gm)];
		expect(names.map(([, name]) => name)).toEqual(ISLAND_WIDGETS);
		for (const [, name, path] of names)
			expect(path).toMatch(new RegExp(`^\\$lib/components/\\w+/${name}\\.svelte$`));
		expect(source).toContain(
			'\tNetworkShape: () => import("$lib/components/viz/NetworkShape.svelte")'
		);
	});

	it('fails on a widget no folder holds', () => {
		expect(() => widgetLoaders('/no/such/project')).toThrow(/island widget \w+ is in none of/);
	});
});

describe('lazyWidgetStyles', () => {
	const virtual = '\0separable-lazy-widget:$lib/components/viz/Anim.svelte.js';
	const chunk = (
		fileName: string,
		moduleIds: string[],
		imports: string[],
		css: string[],
		facadeModuleId: string | null = null
	) =>
		({
			type: 'chunk',
			fileName,
			moduleIds,
			imports,
			facadeModuleId,
			viteMetadata: { importedCss: new Set(css), importedAssets: new Set() }
		}) as unknown as OutputChunk;
	const build = () => {
		const bundle = {
			'lesson.js': chunk('lesson.js', ['/c/en/l.md', virtual], ['shared.js'], ['lesson.css']),
			'shared.js': chunk('shared.js', ['/src/Island.svelte'], [], ['island.css']),
			'anim.js': chunk(
				'anim.js',
				['/src/Anim.svelte'],
				['settings.js'],
				['anim.css'],
				'/src/Anim.svelte'
			),
			'settings.js': chunk('settings.js', ['/src/Settings.svelte'], ['d3.js'], ['settings.css']),
			'd3.js': chunk('d3.js', ['/node_modules/d3.js'], ['settings.js'], []),
			'other.js': chunk('other.js', ['/src/Other.svelte'], [], ['other.css'], '/src/Other.svelte')
		} as unknown as OutputBundle;
		const css = (file: string) => [...(bundle[file] as OutputChunk).viteMetadata!.importedCss];
		return { bundle, css };
	};

	it('gives the importing chunk every stylesheet of the widget and of what it imports', () => {
		const { bundle, css } = build();
		lazyWidgetStyles(bundle, (id) => (id === virtual ? ['/src/Anim.svelte'] : []));
		expect(css('lesson.js')).toEqual(['lesson.css', 'anim.css', 'settings.css']);
		// The widget's own chunk, and chunks that import no lazy widget, are left as they were.
		expect(css('anim.js')).toEqual(['anim.css']);
		expect(css('shared.js')).toEqual(['island.css']);
	});

	it("leaves other dynamic imports' stylesheets to load with them", () => {
		const { bundle, css } = build();
		lazyWidgetStyles(bundle, (id) => (id === '/src/Island.svelte' ? ['/src/Other.svelte'] : []));
		expect(css('lesson.js')).toEqual(['lesson.css']);
		expect(css('shared.js')).toEqual(['island.css']);
	});
});

describe('lessonPreloads', () => {
	const deps = ['../chunks/a.js', '../assets/Cell.css', '../chunks/b.js'];

	it("keeps only stylesheets for a route's import of its lesson", () => {
		expect(
			lessonPreloads('chunks/x.js', deps, { hostId: '_app/immutable/nodes/10.abc.js' })
		).toEqual(['../assets/Cell.css']);
	});

	it('keeps every preload of other dynamic imports (a widget, a route)', () => {
		expect(
			lessonPreloads('chunks/x.js', deps, { hostId: '_app/immutable/chunks/lesson.js' })
		).toEqual(deps);
		expect(lessonPreloads('nodes/3.js', deps, { hostId: '_app/immutable/entry/app.js' })).toEqual(
			deps
		);
	});
});
