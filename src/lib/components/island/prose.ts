import { mount, tick, unmount, type Component } from 'svelte';
import loaders from 'virtual:lesson-widgets';
import IslandRoot from './IslandRoot.svelte';
import { islandContent } from './lazy';
import { lazyWidget, type LazyWidget } from './lazy-widget';

/** One lazy stand-in per widget, shared by its islands (and across pages). */
const widgets = new Map<string, LazyWidget>();

function widgetNamed(name: string): LazyWidget | undefined {
	const load = Object.hasOwn(loaders, name) ? loaders[name] : undefined;
	if (!load) return undefined;
	let widget = widgets.get(name);
	if (!widget) widgets.set(name, (widget = lazyWidget(load)));
	return widget;
}

/**
 * Renders a lesson's body into `host` (LessonProse's div). Prerendered (the first page a visitor
 * opens): the prose stays the static HTML it is, never hydrated, and each widget island in it
 * hydrates on its own near the viewport, from the name and props the server wrote on it. Empty (a
 * client-side navigation): `Lesson` is mounted. `after` then runs on the body (scroll regions).
 * Returns the cleanup for the effect that calls it.
 */
export function lessonProse(
	host: HTMLElement,
	Lesson: Component | undefined,
	context: Map<unknown, unknown>,
	after: (root: HTMLElement) => (() => void) | void
): () => void {
	const cleanups: ((() => void) | void)[] = [];
	let done = false;
	const finish = () => {
		if (!done) cleanups.push(after(host));
	};
	if (!host.firstChild) {
		if (!Lesson) throw new Error('A lesson page with neither its prerendered lesson nor its code');
		const instance = mount(Lesson, { target: host, context });
		cleanups.push(() => void unmount(instance));
		// Mounting runs no effects: the widgets in it render in effects of their own, after this one.
		void tick().then(finish);
	} else {
		for (const island of host.querySelectorAll<HTMLElement>('.island[data-widget]')) {
			const name = island.dataset.widget ?? '';
			const widget = widgetNamed(name);
			if (!widget) {
				console.error(`A lesson widget with no code: ${name}`);
				continue;
			}
			const props: Record<string, unknown> = JSON.parse(island.dataset.props ?? '{}');
			cleanups.push(
				islandContent(
					island,
					{ component: IslandRoot, props: { widget, props } },
					context,
					'near',
					widget
				)
			);
		}
		finish();
	}
	return () => {
		done = true;
		cleanups.forEach((cleanup) => cleanup?.());
	};
}
