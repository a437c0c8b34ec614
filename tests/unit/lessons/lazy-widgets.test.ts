import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { LAZY_WIDGET, lazyWidgets, lessonPreloads } from '../../../src/lib/lessons/lazy-widgets.js';

type Hook = (...args: unknown[]) => unknown;
const hook = (plugin: Plugin, name: 'resolveId' | 'load') => plugin[name] as unknown as Hook;

describe('lazyWidgets (Vite plugin)', () => {
	const plugin = lazyWidgets();
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
