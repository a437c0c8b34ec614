import { describe, expect, it } from 'vitest';
import { NotebookState } from '$lib/notebook/notebook.svelte';
import type { WorkerLike } from '$lib/notebook/runtime';

const noWorker = (): WorkerLike => {
	throw new Error('no worker in these tests');
};

describe('NotebookState cells', () => {
	it('knows cells listed beforehand, in their order, before any component shows them', () => {
		const notebook = new NotebookState('playground', noWorker, ['images', 'tensors']);
		expect(notebook.cells.map((cell) => cell.id)).toEqual(['images', 'tensors']);
		// A component showing a listed cell gets that cell, not a new one.
		const images = notebook.cells[0];
		expect(notebook.register('images')).toBe(images);
		expect(notebook.cells).toHaveLength(2);
	});

	it('adds cells in the order components show them when none were listed', () => {
		const notebook = new NotebookState('playground', noWorker);
		notebook.register('charts');
		notebook.register('tensors');
		expect(notebook.cells.map((cell) => cell.id)).toEqual(['charts', 'tensors']);
	});

	it('refuses a cell shown twice or listed twice', () => {
		const listed = new NotebookState('playground', noWorker, ['tensors']);
		listed.register('tensors');
		expect(() => listed.register('tensors')).toThrow(/appears twice/);
		expect(() => new NotebookState('playground', noWorker, ['tensors', 'tensors'])).toThrow(
			/appears twice/
		);
	});
});
