import type { Component } from 'svelte';
import WidgetIslandClient from './WidgetIslandClient.svelte';
import WidgetIslandServer from './WidgetIslandServer.svelte';
import type { LazyWidget } from './lazy-widget';

/**
 * An interactive widget in a lesson, as an island: prerendered in full, hydrated on its own once
 * the reader gets near it, its code loaded with it (lazy-widget.ts). Lessons do not write this:
 * src/lib/lessons/mdsvex-plugins.js turns each widget tag into one,
 *
 *     <NetworkShape net="v1" />  →  <WidgetIsland name="NetworkShape" widget={NetworkShape} props={{ "net": "v1" }} />
 *
 * On a reading page opened from outside the site, the lesson's code never loads: the prose stays
 * the static HTML it was prerendered as, and LessonProse hydrates each widget island from the name
 * and props the server wrote on it. Where the lesson's code renders the page (the deck, a link
 * followed inside the site), this component does, from the lesson's own import of the widget.
 */
type Props = { name: string; widget: LazyWidget; props: Record<string, unknown> };

const WidgetIsland: Component<Props> = import.meta.env.SSR
	? WidgetIslandServer
	: WidgetIslandClient;

export default WidgetIsland;
