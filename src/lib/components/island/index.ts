import type { Component, Snippet } from 'svelte';
import IslandClient from './IslandClient.svelte';
import IslandServer from './IslandServer.svelte';
import type { LazyWidget } from './lazy-widget';
import type { IslandTiming } from './lazy';

/**
 * An island: content that is prerendered in full but hydrated on its own, only when the reader
 * gets near it. A lesson page hydrates its prose quickly and leaves the heavy widgets (D3 scenes,
 * calculators, charts) inert until needed, which keeps long main-thread tasks out of page load.
 *
 * Server and browser need different markup (the browser's is an empty div that adopts the server's
 * content untouched), so each side gets its own component; Vite replaces import.meta.env.SSR with
 * a constant at build time.
 *
 *     <Island widget={ConvolutionAnimation}><ConvolutionAnimation /></Island>
 *
 * `timing` says when it hydrates: by default once near the viewport; `soon` for what must work
 * wherever the reader is, such as the site header (see lazy.ts).
 *
 * `widget`, when given, is the lazy stand-in (lazy-widget.ts) for the component inside: its code
 * loads when the island comes near, and the island hydrates once it has.
 *
 * Lessons do not write this: src/lib/lessons/mdsvex-plugins.js wraps the components it is told to.
 */
const Island: Component<{ children: Snippet; widget?: LazyWidget; timing?: IslandTiming }> =
	import.meta.env.SSR ? IslandServer : IslandClient;

export default Island;
