// Modules that Vite plugins of this project make up.

declare module 'virtual:lesson-widgets' {
	/** Every island widget's code, by name (src/lib/lessons/lazy-widgets.js). */
	const loaders: Record<string, () => Promise<{ default: import('svelte').Component }>>;
	export default loaders;
}
