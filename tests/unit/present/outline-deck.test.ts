import { describe, expect, it } from 'vitest';
import { deckIndexOfSection, deckTitles } from '$lib/present/outline';
import { Deck } from '$lib/present/deck.svelte';
import { defaultSettings, loadSettings, saveSettings } from '$lib/present/settings';

describe('deck outline', () => {
	it('puts the title slide first and references last', () => {
		expect(deckTitles('Lesson', ['Intro', 'Cost'], 'References')).toEqual([
			'Lesson',
			'Intro',
			'Cost',
			'References'
		]);
		expect(deckTitles('Lesson', ['', 'Cost'], null)).toEqual(['Lesson', 'Lesson', 'Cost']);
	});

	it('maps a lesson section to its slide', () => {
		expect(deckIndexOfSection(0)).toBe(1);
		expect(deckIndexOfSection(4)).toBe(5);
	});
});

describe('Deck', () => {
	it('navigates, toggles settings and asks the page for side effects', () => {
		const deck = new Deck(4, 2);
		expect(deck.index).toBe(2);
		expect(deck.act({ type: 'next' })).toBeNull();
		expect(deck.index).toBe(3);
		expect(deck.act({ type: 'fullscreen' })).toBe('fullscreen');
		expect(deck.act({ type: 'presenter' })).toBe('presenter');
		deck.act({ type: 'contrast' });
		expect(deck.settings.contrast).toBe(true);
		deck.act({ type: 'aspect' });
		expect(deck.settings.aspect).toBe('16:9');
	});

	it('follows the other window, black screen included', () => {
		const deck = new Deck(5);
		deck.follow({ index: 3, black: true });
		expect(deck.sync).toEqual({ index: 3, black: true });
		deck.follow({ index: 9, black: false });
		expect(deck.sync).toEqual({ index: 4, black: false });
	});
});

describe('present settings', () => {
	it('round-trips and survives junk', () => {
		const store = new Map<string, string>();
		const storage = {
			getItem: (key: string) => store.get(key) ?? null,
			setItem: (key: string, value: string) => void store.set(key, value)
		};
		expect(loadSettings(storage)).toEqual(defaultSettings);
		saveSettings(storage, { contrast: true, aspect: '4:3' });
		expect(loadSettings(storage)).toEqual({ contrast: true, aspect: '4:3' });
		store.set('separable-present', '{"contrast":"yes","aspect":"21:9"}');
		expect(loadSettings(storage)).toEqual(defaultSettings);
		store.set('separable-present', 'not json');
		expect(loadSettings(storage)).toEqual(defaultSettings);
	});
});
