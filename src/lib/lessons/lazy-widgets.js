// A Vite plugin, loaded by vite.config.ts (plain JS, as the mdsvex plugins beside it): the lessons'
// island widgets load their code only when their island needs it (src/lib/components/island).

/** Prefix of an import that rehypeLessonImports writes for a widget it wraps in an island. */
export const LAZY_WIDGET = 'separable-lazy-widget:';
const RESOLVED = `\0${LAZY_WIDGET}`;
// Ends in .js, not .svelte: the Svelte plugin compiles every module whose id ends in .svelte.
const SUFFIX = '.js';

/**
 * `import X from 'separable-lazy-widget:$lib/…/X.svelte'` is the component itself on the server,
 * which prerenders it in full, and a lazy stand-in in the browser (island/lazy-widget.ts), so the
 * widget's code (D3, the architecture engine, …) stays out of the lesson's own chunk.
 * @returns {import('vite').Plugin}
 */
export function lazyWidgets() {
	return {
		name: 'separable-lazy-widgets',
		enforce: 'pre',
		resolveId(source) {
			return source.startsWith(LAZY_WIDGET) ? `\0${source}${SUFFIX}` : undefined;
		},
		load(id, options) {
			if (!id.startsWith(RESOLVED)) return undefined;
			const path = JSON.stringify(id.slice(RESOLVED.length, -SUFFIX.length));
			return options?.ssr
				? `export { default } from ${path};`
				: `import { lazyWidget } from '$lib/components/island/lazy-widget';\n` +
						`export default lazyWidget(() => import(${path}));`;
		}
	};
}

/**
 * Vite's `build.modulePreload.resolveDependencies`. A route's dynamic import of its lesson (the
 * lesson pages' and the deck's glob of content/) preloads the lesson's stylesheets only, not its
 * scripts: Vite's helper adds a <link rel="modulepreload"> per script, each costing the page's
 * main thread about 2 ms on a slow device, in the middle of hydration, while the browser finds the
 * same scripts by itself as it parses the lesson's chunk, most of them already loaded for the route.
 * Every other dynamic import keeps its preloads.
 * @param {string} _file
 * @param {string[]} deps
 * @param {{ hostId: string }} context
 */
export function lessonPreloads(_file, deps, { hostId }) {
	return /(^|\/)nodes\//.test(hostId) ? deps.filter((dep) => dep.endsWith('.css')) : deps;
}
