import { flushSync, hydrate, mount, unmount, type Component } from 'svelte';
import { whenIdle } from '$lib/components/idle';
import { warmNumberFormat } from '$lib/i18n/format';
import { language } from '$lib/i18n/locale.svelte';
import { loadWidgets, type LazyWidget } from './lazy-widget';
import { TaskQueue } from './queue';
import { ISLAND_MARGIN, WAKE_EVENTS } from './wake';

/**
 * When an island's content hydrates: `soon` (in a task of its own right after the page's, wherever
 * it is) or `near` (once it comes near the viewport, and not before the page has first been idle).
 * Either hydrates at once when touched.
 */
export type IslandTiming = 'soon' | 'near';

/** What an island hydrates: its root component (Hydrated, IslandRoot) and that root's props. */
export type IslandRootOf<Props extends Record<string, unknown>> = {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any root, with its own props
	component: Component<Props, any, any>;
	props: Props;
};

/** Islands due to hydrate, one per task; a touched island does not wait its turn. */
const due = new TaskQueue((run) => setTimeout(run, 0));

let prefetching = false;

let idle: Promise<void> | undefined;

/**
 * Resolves once the page has first been idle (or 3 s after it is first asked, at the latest). That
 * idle task also loads the browser's number data, which the first widget to hydrate would otherwise
 * start with (see warmNumberFormat).
 */
function firstIdle(): Promise<void> {
	idle ??= new Promise(
		(resolve) =>
			void whenIdle(() => {
				warmNumberFormat(language());
				resolve();
			}, 3000)
	);
	return idle;
}

/** Loads every lesson widget's code once the page is idle (see loadWidgets), once per batch. */
function prefetchWidgets() {
	if (prefetching) return;
	prefetching = true;
	whenIdle(() => {
		prefetching = false;
		void loadWidgets();
	}, 3000);
}

/** Inputs whose value attribute is only a default, and whose text can be selected. */
const TYPED_FIELDS = new Set(['text', 'search', 'tel', 'url', 'email', 'password', 'number']);

/**
 * Renders an island's `root` into `host` (an island's div). The
 * server-rendered content is hydrated as a root of its own when `timing` says, in a task of its
 * own, or when touched (at once), whichever is first; with nothing to adopt (a client-side
 * navigation) it is mounted at once. A `widget` whose code has not loaded yet is loaded first.
 * Returns the cleanup for the effect that calls it.
 */
export function islandContent<Props extends Record<string, unknown>>(
	host: HTMLElement,
	root: IslandRootOf<Props>,
	context: Map<unknown, unknown>,
	timing: IslandTiming = 'near',
	widget?: LazyWidget
): () => void {
	const { component } = root;
	const options = { target: host, props: root.props, context };
	prefetchWidgets();
	let instance: ReturnType<typeof hydrate> | undefined;
	let done = false;
	/** Runs `render` once the widget's code is there; a failed load leaves the island as it is. */
	const whenLoaded = (render: () => void) => {
		if (!widget || widget.loaded) return render();
		widget.load().then(
			() => void (done || render()),
			(error: unknown) => console.error('A lesson widget failed to load', error)
		);
	};

	if (!host.firstChild) {
		whenLoaded(() => {
			instance = mount(component, options);
		});
		return () => {
			done = true;
			if (instance) void unmount(instance);
		};
	}

	let dequeue: (() => void) | undefined;
	let early: EarlyInput | undefined;
	const wake = () => {
		if (instance || done) return;
		stop();
		const edits = early?.edits() ?? [];
		instance = hydrate(component, options);
		// Islands inside this one (a widget in the lesson body) start listening now, so the event
		// that woke this one, still on its way to its target, wakes them too.
		flushSync();
		// After Svelte's own microtask that strips the hydrated fields' value attributes.
		if (edits.length === 0) queueMicrotask(() => settleFocusedField(host));
		early?.replay(edits);
	};
	const touched = () => {
		if (instance) return;
		if (!widget || widget.loaded) return wake();
		// The code is on its way: what the reader does meanwhile is replayed once it is there.
		early ??= new EarlyInput(host);
		whenLoaded(wake);
	};
	const queue = () => {
		if (dequeue) return;
		dequeue = () => {};
		const ready = () =>
			whenLoaded(() => {
				if (!instance && !done) dequeue = due.add(wake);
			});
		// Near the viewport is not urgent: the widget is on screen already, prerendered, and a touch
		// wakes it at once. Its code and hydration wait until the page has loaded and been idle.
		if (timing === 'near') void firstIdle().then(ready);
		else ready();
	};
	const observer =
		timing === 'near'
			? new IntersectionObserver(
					(entries) => {
						if (entries.some((entry) => entry.isIntersecting)) queue();
					},
					{ rootMargin: ISLAND_MARGIN }
				)
			: undefined;
	observer?.observe(host);
	if (timing === 'soon') queue();
	for (const type of WAKE_EVENTS) host.addEventListener(type, touched, { capture: true });
	function stop() {
		dequeue?.();
		observer?.disconnect();
		for (const type of WAKE_EVENTS) host.removeEventListener(type, touched, { capture: true });
	}
	return () => {
		done = true;
		stop();
		early?.dispose();
		if (instance) void unmount(instance);
	};
}

/** A field the reader changed before its island hydrated, and what it held. */
type Edit = {
	field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
	value: string;
	checked: boolean;
};

/**
 * What a reader did in an island before its widget's code arrived: the last click (held back, then
 * clicked again on the hydrated widget) and the fields edited (set again after hydration, with
 * input and change events, so that the widget's state is what the page shows).
 */
class EarlyInput {
	#click: HTMLElement | undefined;
	#hold = (event: Event) => {
		if (!(event.target instanceof HTMLElement)) return;
		event.preventDefault();
		event.stopPropagation();
		this.#click = event.target;
	};

	constructor(private readonly host: HTMLElement) {
		host.addEventListener('click', this.#hold, { capture: true });
	}

	dispose() {
		this.host.removeEventListener('click', this.#hold, { capture: true });
	}

	/** The fields edited so far; read just before hydration, which may write them over. */
	edits(): Edit[] {
		const fields = this.host.querySelectorAll<Edit['field']>('input, select, textarea');
		return [...fields].filter(edited).map((field) => ({
			field,
			value: field.value,
			checked: field instanceof HTMLInputElement && field.checked
		}));
	}

	replay(edits: Edit[]) {
		this.dispose();
		for (const { field, value, checked } of edits) {
			if (
				field instanceof HTMLInputElement &&
				(field.type === 'checkbox' || field.type === 'radio')
			) {
				field.checked = checked;
			} else {
				field.value = value;
			}
			field.dispatchEvent(new Event('input', { bubbles: true }));
			field.dispatchEvent(new Event('change', { bubbles: true }));
		}
		if (this.#click?.isConnected) this.#click.click();
	}
}

function edited(field: Edit['field']): boolean {
	if (field instanceof HTMLSelectElement) {
		return [...field.options].some((option) => option.selected !== option.defaultSelected);
	}
	if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
		return field.checked !== field.defaultChecked;
	}
	return field.value !== field.defaultValue;
}

/**
 * Hydration strips each server-rendered field's value attribute in a microtask, writing the value
 * back, which collapses the selection. A reader (or a test) who focused a field before its island
 * hydrated, with its text selected to type over, would see the typing appended instead: once that
 * has run, select the text again (stripping the attribute first, should it still be there).
 */
function settleFocusedField(root: HTMLElement) {
	const field = document.activeElement;
	if (!(field instanceof HTMLInputElement) || !root.contains(field)) return;
	if (!TYPED_FIELDS.has(field.type)) return;
	if (field.hasAttribute('value')) {
		const value = field.value;
		field.removeAttribute('value');
		field.value = value;
	}
	field.select();
}
