// A Vite plugin, loaded by vite.config.ts (plain JS, as the mdsvex plugins beside it): the lessons'
// island widgets load their code only when their island needs it (src/lib/components/island).
import { ISLAND_WIDGETS, LESSON_COMPONENT_FOLDERS, componentsIn } from './widgets.js';

/** Prefix of an import that rehypeLessonImports writes for a widget it wraps in an island. */
export const LAZY_WIDGET = 'separable-lazy-widget:';
const RESOLVED = `\0${LAZY_WIDGET}`;
// Ends in .js, not .svelte: the Svelte plugin compiles every module whose id ends in .svelte.
const SUFFIX = '.js';
/** Every island widget's code by name, for a reading page that hydrates them without the lesson. */
export const WIDGET_LOADERS = 'virtual:lesson-widgets';
const RESOLVED_LOADERS = `\0${WIDGET_LOADERS}`;

/**
 * The source of `virtual:lesson-widgets`: `{ Name: () => import('…/Name.svelte') }` for every
 * island widget, for the browser (the server renders the lessons' own imports).
 * @param {string} root project root
 */
export function widgetLoaders(root) {
	const components = componentsIn(root, LESSON_COMPONENT_FOLDERS);
	const entries = ISLAND_WIDGETS.map((name) => {
		const path = components[name];
		if (!path) throw new Error(`island widget ${name} is in none of ${LESSON_COMPONENT_FOLDERS}`);
		return `\t${name}: () => import(${JSON.stringify(path)})`;
	});
	return `export default {\n${entries.join(',\n')}\n};`;
}

/**
 * `import X from 'separable-lazy-widget:$lib/…/X.svelte'` is the component itself on the server,
 * which prerenders it in full, and a lazy stand-in in the browser (island/lazy-widget.ts), so the
 * widget's code (D3, the architecture engine, …) stays out of the lesson's own chunk. Its
 * stylesheets do not: see `lazyWidgetStyles`.
 * `virtual:lesson-widgets` (`widgetLoaders`) imports the same widgets by name.
 * @param {string} [root] project root
 * @returns {import('vite').Plugin[]}
 */
export function lazyWidgets(root = process.cwd()) {
	return [
		{
			name: 'separable-lazy-widgets',
			enforce: 'pre',
			resolveId(source) {
				if (source === WIDGET_LOADERS) return RESOLVED_LOADERS;
				return source.startsWith(LAZY_WIDGET) ? `\0${source}${SUFFIX}` : undefined;
			},
			load(id, options) {
				if (id === RESOLVED_LOADERS) return widgetLoaders(root);
				if (!id.startsWith(RESOLVED)) return undefined;
				const path = JSON.stringify(id.slice(RESOLVED.length, -SUFFIX.length));
				return options?.ssr
					? `export { default } from ${path};`
					: `import { lazyWidget } from '$lib/components/island/lazy-widget';\n` +
							`export default lazyWidget(() => import(${path}));`;
			}
		},
		{
			name: 'separable-lazy-widget-styles',
			// After Vite's CSS plugin has listed each chunk's stylesheets, before its manifest and
			// preload helpers read them.
			enforce: 'post',
			generateBundle(_options, bundle) {
				lazyWidgetStyles(bundle, (id) => this.getModuleInfo(id)?.dynamicallyImportedIds ?? []);
			}
		}
	];
}

/**
 * Lists each lazy widget's stylesheets (its own and those of everything it imports) as stylesheets
 * of the chunk that imports the widget. The widget is prerendered in the page, so its styles must
 * arrive with the page: SvelteKit links a lesson's stylesheets, but not those of a dynamic import
 * inside the lesson, and without this the widget would show unstyled until its code loads (or
 * forever, without JavaScript).
 * @param {import('vite').Rollup.OutputBundle} bundle
 * @param {(id: string) => readonly string[]} dynamicImportsOf ids a module imports dynamically
 */
export function lazyWidgetStyles(bundle, dynamicImportsOf) {
	/** @type {import('vite').Rollup.OutputChunk[]} */
	const chunks = [];
	for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.push(item);
	/** @param {string} id */
	const chunkOf = (id) =>
		chunks.find((chunk) => chunk.facadeModuleId === id) ??
		chunks.find((chunk) => chunk.moduleIds.includes(id));
	/**
	 * @param {import('vite').Rollup.OutputChunk} chunk
	 * @param {Set<string>} css
	 * @param {Set<string>} seen
	 */
	const collect = (chunk, css, seen) => {
		if (seen.has(chunk.fileName)) return;
		seen.add(chunk.fileName);
		chunk.viteMetadata?.importedCss.forEach((file) => css.add(file));
		for (const file of chunk.imports) {
			const imported = bundle[file];
			if (imported?.type === 'chunk') collect(imported, css, seen);
		}
	};
	for (const host of chunks) {
		for (const id of host.moduleIds) {
			if (!id.startsWith(RESOLVED)) continue;
			for (const widgetId of dynamicImportsOf(id)) {
				const widget = chunkOf(widgetId);
				if (!widget || !host.viteMetadata) continue;
				const css = new Set();
				collect(widget, css, new Set());
				css.forEach((file) => host.viteMetadata?.importedCss.add(file));
			}
		}
	}
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
