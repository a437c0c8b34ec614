/**
 * A deck's ink, kept in localStorage per lesson and language, so a reload (or the laptop's next
 * lesson) finds it where it was drawn. Stored with the deck's outline: ink drawn on an older
 * version of a lesson, whose slides have since changed, is not laid over the wrong slides.
 */
import { parseInk, strokeCount, type DeckInk } from './ink';

export function inkKey(lang: string, slug: string): string {
	return `separable-ink:${lang}/${slug}`;
}

/** A short fingerprint of a deck's slide titles (FNV-1a): changes when slides are added or moved. */
export function deckSignature(titles: readonly string[]): string {
	let hash = 0x811c9dc5;
	for (const char of `${titles.length}\n${titles.join('\n')}`) {
		hash ^= char.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

interface StoredInk {
	deck: string;
	slides: unknown;
}

export function loadInk(
	storage: Pick<Storage, 'getItem'>,
	key: string,
	signature: string
): DeckInk {
	try {
		const raw: unknown = JSON.parse(storage.getItem(key) ?? 'null');
		if (typeof raw !== 'object' || raw === null) return {};
		const stored = raw as Partial<StoredInk>;
		return stored.deck === signature ? parseInk(stored.slides) : {};
	} catch {
		return {};
	}
}

/** Saves a deck's ink; false when the browser refuses (storage full or switched off). */
export function saveInk(
	storage: Pick<Storage, 'setItem' | 'removeItem'>,
	key: string,
	signature: string,
	ink: DeckInk
): boolean {
	try {
		if (strokeCount(ink) === 0) storage.removeItem(key);
		else storage.setItem(key, JSON.stringify({ deck: signature, slides: ink } satisfies StoredInk));
		return true;
	} catch {
		return false;
	}
}
