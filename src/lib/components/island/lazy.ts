import { flushSync, hydrate, mount, unmount, type Snippet } from 'svelte';
import Hydrated from './Hydrated.svelte';
import { TaskQueue } from './queue';
import { ISLAND_MARGIN, WAKE_EVENTS } from './wake';

/** Islands that came into view, hydrated one per task; a touched island does not wait its turn. */
const inView = new TaskQueue((run) => setTimeout(run, 0));

/** Inputs whose value attribute is only a default, and whose text can be selected. */
const TYPED_FIELDS = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number']);

/**
 * Renders an island's content into `host` (IslandClient's div, or a lesson's slide section). The
 * server-rendered content is hydrated as a root of its own when it comes near the viewport (in a
 * task of its own) or is touched (at once), whichever is first (`atOnce`: right away); with nothing to adopt (a client-side
 * navigation) it is mounted at once. Returns the cleanup for the effect that calls it.
 */
export function islandContent(
	host: HTMLElement,
	children: Snippet,
	context: Map<unknown, unknown>,
	atOnce = false
): () => void {
	const options = { target: host, props: { content: children }, context };
	if (!host.firstChild || atOnce) {
		const instance = host.firstChild ? hydrate(Hydrated, options) : mount(Hydrated, options);
		return () => void unmount(instance);
	}

	let instance: ReturnType<typeof hydrate> | undefined;
	let dequeue: (() => void) | undefined;
	const wake = () => {
		if (instance) return;
		stop();
		instance = hydrate(Hydrated, options);
		// Islands inside this one (a widget in a lesson section) start listening now, so the event
		// that woke this one, still on its way to its target, wakes them too.
		flushSync();
		settleFocusedField(host);
	};
	const observer = new IntersectionObserver(
		(entries) => {
			if (!dequeue && entries.some((entry) => entry.isIntersecting)) dequeue = inView.add(wake);
		},
		{ rootMargin: ISLAND_MARGIN }
	);
	observer.observe(host);
	for (const type of WAKE_EVENTS) host.addEventListener(type, wake, { capture: true });
	function stop() {
		dequeue?.();
		observer.disconnect();
		for (const type of WAKE_EVENTS) host.removeEventListener(type, wake, { capture: true });
	}
	return () => {
		stop();
		if (instance) void unmount(instance);
	};
}

/**
 * Hydration leaves each server-rendered field's value attribute for Svelte to strip in an idle
 * callback, which writes the value back and so collapses the selection. A reader (or a test) who
 * focused a field before its island hydrated, with its text selected to type over, would see the
 * typing appended instead: strip it now, and select the text again.
 */
function settleFocusedField(root: HTMLElement) {
	const field = document.activeElement;
	if (!(field instanceof HTMLInputElement) || !root.contains(field)) return;
	if (!TYPED_FIELDS.has(field.type) || !field.hasAttribute('value')) return;
	const value = field.value;
	field.removeAttribute('value');
	field.value = value;
	field.select();
}
