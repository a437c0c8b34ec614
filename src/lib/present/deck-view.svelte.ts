import { resolve } from '$app/paths';
import {
	deckSession,
	toggleFullscreen,
	type SessionOptions
} from '$lib/components/present/session.svelte';
import { m } from '$lib/paraglide/messages';
import { isLocale, type Locale } from '$lib/paraglide/runtime';
import { Deck, type DeckEffect } from './deck.svelte';
import { slideHash } from './hash';
import { deckSignature } from './ink-store';
import { deckTitles } from './outline';

/** What a presentation page's load gives: the lesson and its section titles. */
export interface DeckPageData {
	lang: Locale;
	lesson: { title: string; slug: string; references: readonly unknown[] };
	slideTitles: readonly string[];
}

export type DeckRole = SessionOptions['role'];

/**
 * One window's view of a lesson's deck, the part the audience and presenter pages share: the deck
 * and its slide titles, the session (URL hash, keys, the other window, projector settings), full
 * screen, and opening the other view on the same slide. Create it during component initialisation.
 */
export class DeckView {
	readonly deck: Deck;
	readonly onkeydown: (event: KeyboardEvent) => void;
	readonly #announceLanguage: (lang: string) => void;
	/** Why the last request failed (full screen refused, pop-up blocked), or ''. */
	notice = $state('');
	/** Title slide, one title per section, then the references when the lesson cites any. */
	readonly titles: string[] = $derived.by(() => {
		const { lesson, slideTitles } = this.#data();
		return deckTitles(
			lesson.title,
			slideTitles,
			lesson.references.length > 0 ? m.present_references() : null
		);
	});

	#data: () => DeckPageData;
	#role: DeckRole;

	/**
	 * `data` reads the page's data (titles follow the language); `options` says how this page
	 * finds a slide by element id and, for the audience, its screen shape or, for the presenter,
	 * how it hears the audience's.
	 */
	constructor(
		data: () => DeckPageData,
		role: DeckRole,
		options: Pick<SessionOptions, 'slideOf' | 'screen' | 'onScreen'>
	) {
		this.#data = data;
		this.#role = role;
		const id = `${role}-${Math.random().toString(36).slice(2)}`;
		// The deck is made once per page; the lesson does not change under it (another language is
		// another page: see switchLanguage).
		this.deck = new Deck(this.titles.length, 0, id);
		const { lang, lesson } = data();
		const session = deckSession(this.deck, {
			...options,
			id,
			signature: deckSignature(this.titles),
			lang,
			slug: lesson.slug,
			role,
			perform: (effect) => this.perform(effect),
			onLanguage: (next) => {
				if (isLocale(next) && next !== this.#data().lang) location.assign(this.urlIn(next));
			},
			onInkUnsaved: () => (this.notice = m.present_ink_unsaved())
		});
		this.onkeydown = session.onkeydown;
		this.#announceLanguage = session.announceLanguage;
	}

	/** This view of the lesson in another language, on the current slide. */
	urlIn(lang: Locale): string {
		const { slug } = this.#data().lesson;
		const path =
			this.#role === 'audience'
				? resolve(`/${lang}/present/${slug}/`)
				: resolve(`/${lang}/present/${slug}/presenter/`);
		return path + slideHash(this.deck.index);
	}

	/**
	 * Goes on with the talk in another language, on the same slide (translations keep every slide,
	 * a test checks), and the other window with it. A page load: the deck, its channel and its ink
	 * are the language's own.
	 */
	switchLanguage(lang: Locale): void {
		if (lang === this.#data().lang) return;
		this.#announceLanguage(lang);
		location.assign(this.urlIn(lang));
	}

	/** The accessible name of slide `index`: its number and title. */
	slideLabel(index: number): string {
		return m.present_slide_title({ number: index + 1, title: this.titles[index] ?? '' });
	}

	/** Carries out a key's side effect: full screen, or the other view. */
	perform(effect: DeckEffect): void {
		if (effect === 'fullscreen') {
			toggleFullscreen().then((ok) => {
				if (!ok) this.notice = m.present_fullscreen_failed();
			});
		} else {
			this.openOther();
		}
	}

	/** Opens the other view (the presenter's, or the audience's) on the current slide. */
	openOther(): void {
		const { lang, lesson } = this.#data();
		const hash = slideHash(this.deck.index);
		// The presenter's view opens as a window of its own beside the projected deck.
		const opened =
			this.#role === 'audience'
				? window.open(
						resolve(`/${lang}/present/${lesson.slug}/presenter/`) + hash,
						'separable-presenter',
						'popup,width=1280,height=800'
					)
				: window.open(resolve(`/${lang}/present/${lesson.slug}/`) + hash, 'separable-audience');
		this.notice = opened ? '' : m.present_popup_blocked();
	}
}
