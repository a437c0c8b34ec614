import { onMount, untrack } from 'svelte';
import { afterNavigate, replaceState } from '$app/navigation';
import { resolve } from '$app/paths';
import { page } from '$app/state';
import type { Deck, DeckEffect } from '$lib/present/deck.svelte';
import { parseSlideHash, slideHash } from '$lib/present/hash';
import { inkKey, loadInk, saveInk } from '$lib/present/ink-store';
import { actionForKey, widgetOwnsKey } from '$lib/present/keys';
import { loadSettings, saveSettings, settingsKey } from '$lib/present/settings';
import type { Aspect } from '$lib/present/stage';
import { channelName, DeckSync } from '$lib/present/sync';

export interface SessionOptions {
	lang: string;
	slug: string;
	role: 'audience' | 'presenter';
	/** This window's name in the channel and in the ids of its strokes. */
	id: string;
	/** The deck's outline fingerprint (ink-store.ts): stored ink of another outline is not shown. */
	signature: string;
	/** Carries out what only the page can: full screen, opening the other window. */
	perform: (effect: DeckEffect) => void;
	/** The slide holding the element with this id, for links such as #depthwise-cost. */
	slideOf: (id: string) => number | null;
	/** The audience window's slide shape, announced to the presenter. */
	screen?: () => Aspect;
	/** The presenter hears the audience's slide shape. */
	onScreen?: (aspect: Aspect) => void;
	/** The other window moved the talk to another language. */
	onLanguage: (lang: string) => void;
	/** The browser would not store the ink (storage full or switched off). */
	onInkUnsaved: () => void;
}

/**
 * Wires a deck to the world: the URL hash (reload and shared links return to the slide), the
 * keyboard, the other window (BroadcastChannel), the remembered projector settings and the ink
 * (stored per lesson and language, drawn live in both windows).
 * Call during component initialisation; returns the keydown handler for <svelte:window> and a way
 * to tell the other window that the talk changes language.
 */
export function deckSession(deck: Deck, options: SessionOptions) {
	let sync: DeckSync | null = null;
	const { id } = options;
	const inkStorageKey = inkKey(options.lang, options.slug);

	function slideFromHash(): number | null {
		const number = parseSlideHash(location.hash, deck.count);
		if (number !== null) return number;
		const target = decodeURIComponent(location.hash.slice(1));
		return target ? options.slideOf(target) : null;
	}

	onMount(() => {
		deck.settings = loadSettings(localStorage);
		deck.ink.replace(loadInk(localStorage, inkStorageKey, options.signature));
		// Every change goes to the other window as it happens; the window that made it stores it.
		deck.ink.outlet = {
			send: (op) => sync?.sendInk(op),
			sendLaser: (slide, x, y) => sync?.sendLaser(slide, x, y),
			save: () => {
				if (!saveInk(localStorage, inkStorageKey, options.signature, deck.ink.ink)) {
					options.onInkUnsaved();
				}
			}
		};
		const start = slideFromHash();
		if (start !== null) deck.go({ type: 'goto', index: start });

		const onHash = () => {
			const index = slideFromHash();
			if (index !== null && index !== deck.index) deck.go({ type: 'goto', index });
		};
		// The other window saved new settings (contrast, aspect): both follow.
		const onStorage = (event: StorageEvent) => {
			if (event.key === settingsKey) deck.settings = loadSettings(localStorage);
		};
		addEventListener('hashchange', onHash);
		addEventListener('storage', onStorage);
		if (typeof BroadcastChannel !== 'undefined') {
			sync = new DeckSync(new BroadcastChannel(channelName(options.lang, options.slug)), id, {
				current: () => deck.sync,
				onState: (state) => deck.follow(state),
				onScreen: options.onScreen,
				ink: () => deck.ink.ink,
				onInk: (op) => deck.ink.hear(op),
				onInkAll: (ink) => deck.ink.replace(ink),
				onLaser: (slide, x, y) => {
					if (slide === deck.index) deck.ink.hearPoint(x, y, performance.now());
				},
				onLanguage: options.onLanguage
			});
			sync.adopt(deck.sync);
			sync.hello();
		}
		return () => {
			removeEventListener('hashchange', onHash);
			removeEventListener('storage', onStorage);
			deck.ink.outlet = null;
			sync?.close();
			sync = null;
		};
	});

	// Shallow routing needs a running router: it is, once the first navigation (hydration) is over.
	let routerReady = $state(false);
	afterNavigate(() => {
		routerReady = true;
	});
	$effect(() => {
		const hash = slideHash(deck.index);
		if (!routerReady || location.hash === hash) return;
		// Untracked: replaceState reads the router's page state, and the router updating that (a hash
		// typed in the address bar) must not rerun this before the hashchange listener moves the deck.
		const url =
			options.role === 'audience'
				? resolve(`/${options.lang}/present/${options.slug}/${hash}`)
				: resolve(`/${options.lang}/present/${options.slug}/presenter/${hash}`);
		untrack(() => replaceState(url, page.state));
	});

	$effect(() => {
		const state = deck.sync;
		sync?.publish(state);
	});

	$effect(() => {
		const aspect = options.screen?.();
		if (aspect) sync?.announceScreen(aspect);
	});

	let loaded = false;
	$effect(() => {
		const settings = deck.settings;
		// The first run is the load itself; saving it back would only echo it to the other window.
		if (loaded) saveSettings(localStorage, settings);
		loaded = true;
	});

	function onkeydown(event: KeyboardEvent): void {
		if (event.defaultPrevented || event.isComposing) return;
		const target = event.target instanceof HTMLElement ? event.target : null;
		const focus = target && {
			tagName: target.tagName,
			type: target instanceof HTMLInputElement ? target.type : undefined,
			isContentEditable: target.isContentEditable,
			role: target.getAttribute('role')
		};
		if (widgetOwnsKey(focus, event.key)) return;
		const action = actionForKey(event);
		if (!action) return;
		event.preventDefault();
		const effect = deck.act(action);
		if (effect) options.perform(effect);
	}

	return {
		onkeydown,
		/** Tells the other window that this one now shows the talk in `lang`. */
		announceLanguage: (lang: string) => sync?.sendLanguage(lang)
	};
}

/** Full screen on, or off again. Returns false when the browser refuses. */
export async function toggleFullscreen(): Promise<boolean> {
	try {
		if (document.fullscreenElement) await document.exitFullscreen();
		else await document.documentElement.requestFullscreen();
		return true;
	} catch {
		return false;
	}
}

/** The slides of a deck, in order: the deck's index is the position in this list. */
export function slidesIn(root: ParentNode | undefined): HTMLElement[] {
	return root ? [...root.querySelectorAll<HTMLElement>('section.slide')] : [];
}

/** The index of the slide that holds the element with this id. */
export function slideHolding(root: HTMLElement | undefined, id: string): number | null {
	const element = root?.querySelector(`[id="${CSS.escape(id)}"]`);
	const section = element?.closest<HTMLElement>('section.slide');
	const index = section ? slidesIn(root).indexOf(section) : -1;
	return index === -1 ? null : index;
}
