/**
 * A student's edits, kept per lesson and cell in the browser. Each saved edit records a hash of
 * the lesson's original code: when the lesson's cell changes, the old edit no longer applies to
 * it and is dropped instead of hiding the new code.
 */

export type EditStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'separable.cell.v1:';

interface SavedEdit {
	/** Hash of the original code the edit was made on. */
	base: string;
	code: string;
}

/** FNV-1a, 32 bits, as hex: a fingerprint of the original code, not a security measure. */
export function codeHash(code: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < code.length; i++) {
		hash ^= code.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}

export function editKey(lesson: string, cellId: string): string {
	return `${PREFIX}${lesson}/${cellId}`;
}

function parse(raw: string | null): SavedEdit | null {
	if (raw === null) return null;
	try {
		const value = JSON.parse(raw) as Partial<SavedEdit>;
		return typeof value.base === 'string' && typeof value.code === 'string'
			? { base: value.base, code: value.code }
			: null;
	} catch {
		return null;
	}
}

/** The student's code for a cell, or null when there is no edit that still fits the original. */
export function loadEdit(
	store: EditStore,
	lesson: string,
	cellId: string,
	original: string
): string | null {
	const key = editKey(lesson, cellId);
	const saved = parse(store.getItem(key));
	if (saved && saved.base === codeHash(original)) return saved.code;
	if (store.getItem(key) !== null) store.removeItem(key);
	return null;
}

/** Saves an edit; code equal to the original removes the entry instead. */
export function saveEdit(
	store: EditStore,
	lesson: string,
	cellId: string,
	original: string,
	code: string
): void {
	const key = editKey(lesson, cellId);
	if (code === original) {
		store.removeItem(key);
		return;
	}
	const saved: SavedEdit = { base: codeHash(original), code };
	store.setItem(key, JSON.stringify(saved));
}

export function discardEdit(store: EditStore, lesson: string, cellId: string): void {
	store.removeItem(editKey(lesson, cellId));
}

/** Removes every saved edit of a lesson; returns how many there were. */
export function discardLesson(store: EditStore, lesson: string): number {
	const prefix = `${PREFIX}${lesson}/`;
	const keys: string[] = [];
	for (let i = 0; i < store.length; i++) {
		const key = store.key(i);
		if (key?.startsWith(prefix)) keys.push(key);
	}
	for (const key of keys) store.removeItem(key);
	return keys.length;
}
