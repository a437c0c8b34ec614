import { describe, expect, it } from 'vitest';
import {
	codeHash,
	discardEdit,
	discardLesson,
	editKey,
	loadEdit,
	saveEdit,
	type EditStore
} from '$lib/notebook/storage';

function memoryStore(): EditStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		get length() {
			return data.size;
		},
		key: (i) => [...data.keys()][i] ?? null,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, String(v)),
		removeItem: (k) => void data.delete(k)
	};
}

describe('saved edits', () => {
	it('round-trip per lesson and cell', () => {
		const store = memoryStore();
		saveEdit(store, 'lesson', 'a', 'original', 'edited');
		expect(loadEdit(store, 'lesson', 'a', 'original')).toBe('edited');
		expect(loadEdit(store, 'lesson', 'b', 'original')).toBeNull();
		expect(loadEdit(store, 'other', 'a', 'original')).toBeNull();
	});

	it('are dropped when the lesson changes the original code', () => {
		const store = memoryStore();
		saveEdit(store, 'lesson', 'a', 'version 1', 'edited');
		expect(loadEdit(store, 'lesson', 'a', 'version 2')).toBeNull();
		expect(store.data.has(editKey('lesson', 'a'))).toBe(false);
	});

	it('are not stored when equal to the original', () => {
		const store = memoryStore();
		saveEdit(store, 'lesson', 'a', 'original', 'edited');
		saveEdit(store, 'lesson', 'a', 'original', 'original');
		expect(store.length).toBe(0);
	});

	it('ignore entries that are not ours or are corrupt', () => {
		const store = memoryStore();
		store.setItem(editKey('lesson', 'a'), '{not json');
		expect(loadEdit(store, 'lesson', 'a', 'original')).toBeNull();
		store.setItem(editKey('lesson', 'a'), JSON.stringify({ code: 1 }));
		expect(loadEdit(store, 'lesson', 'a', 'original')).toBeNull();
	});

	it('can be discarded per cell or per lesson, leaving other lessons alone', () => {
		const store = memoryStore();
		store.setItem('unrelated', 'keep');
		saveEdit(store, 'lesson', 'a', 'o', 'x');
		saveEdit(store, 'lesson', 'b', 'o', 'y');
		saveEdit(store, 'lesson-2', 'a', 'o', 'z');
		discardEdit(store, 'lesson', 'a');
		expect(loadEdit(store, 'lesson', 'a', 'o')).toBeNull();
		expect(discardLesson(store, 'lesson')).toBe(1);
		expect(loadEdit(store, 'lesson-2', 'a', 'o')).toBe('z');
		expect(store.getItem('unrelated')).toBe('keep');
	});

	it('hash code deterministically and distinguish small changes', () => {
		expect(codeHash('const a = 1;')).toBe(codeHash('const a = 1;'));
		expect(codeHash('const a = 1;')).not.toBe(codeHash('const a = 2;'));
		expect(codeHash('')).toMatch(/^[0-9a-f]{8}$/);
	});
});
