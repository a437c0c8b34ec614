import type { Component, Snippet } from 'svelte';
import IslandClient from './IslandClient.svelte';
import IslandServer from './IslandServer.svelte';
import type { IslandTiming } from './lazy';

/**
 * An island: content that is prerendered in full but hydrated on its own, after the page, only
 * when the reader gets near it (or `soon`). Lesson widgets are islands of their own kind
 * (widget-island.ts).
 *
 * Server and browser need different markup (the browser's is an empty div that adopts the server's
 * content untouched), so each side gets its own component; Vite replaces import.meta.env.SSR with
 * a constant at build time.
 *
 *     <Island timing="soon"><SiteHeader /></Island>
 *
 * `timing` says when it hydrates: by default once near the viewport; `soon` for what must work
 * wherever the reader is, such as the site header (see lazy.ts).
 */
const Island: Component<{ children: Snippet; timing?: IslandTiming }> = import.meta.env.SSR
	? IslandServer
	: IslandClient;

export default Island;
