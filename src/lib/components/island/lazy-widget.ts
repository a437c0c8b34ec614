import type { Component } from 'svelte';

/** A widget's own props: the lesson's markup passes them, unchecked here. */
type Props = Record<string, unknown>;

/**
 * A lesson widget whose code loads only when its island needs it (src/lib/lessons/lazy-widgets.js
 * puts it in place of the component in the browser). It renders as the component once `load()`
 * has resolved; an island awaits that before it hydrates or mounts the widget.
 */
export interface LazyWidget extends Component<Props> {
	load(): Promise<void>;
	readonly loaded: boolean;
}

/** Every lesson widget's stand-in made so far (by a lesson's chunk as it loads, or by prose.ts). */
const widgets = new Set<LazyWidget>();

/** A new task: what ran before it can be painted, and input answered, before what follows. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Loads the code of every widget not loaded yet. Islands call it once the page is idle: the code
 * stays out of page load, yet a widget is ready before the reader reaches it, and keeps working if
 * the classroom's connection drops after the page has loaded. One widget at a time, each in a task
 * of its own: loaded together, their preloads and modules (D3, the architecture engine, …) ran in
 * one task of about 30 ms here (120 ms at Lighthouse's mobile CPU slowdown), blocking input.
 */
export async function loadWidgets(): Promise<void> {
	for (const widget of [...widgets]) {
		if (widget.loaded) continue;
		await widget.load().catch(() => undefined);
		await nextTask();
	}
}

export function lazyWidget(importer: () => Promise<{ default: Component<Props> }>): LazyWidget {
	let component: Component<Props> | undefined;
	let pending: Promise<void> | undefined;
	const render: Component<Props> = (anchor, props) => {
		if (!component) throw new Error('A lesson widget rendered before its code had loaded');
		return component(anchor, props);
	};
	const load = () =>
		(pending ??= importer().then(
			(module) => void (component = module.default),
			(error: unknown) => {
				// Offline, or a stale page after a deploy: the prerendered widget stays as it is, and
				// the next approach or touch tries again.
				pending = undefined;
				throw error;
			}
		));
	// A getter, which Object.assign would read once and copy as a plain value.
	const widget = Object.defineProperties(render, {
		load: { value: load },
		loaded: { get: () => component !== undefined }
	}) as LazyWidget;
	widgets.add(widget);
	return widget;
}
