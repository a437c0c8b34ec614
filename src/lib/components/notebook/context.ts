import { getContext, setContext } from 'svelte';
import type { NotebookState } from '$lib/notebook/notebook.svelte';

const KEY = Symbol('notebook');

export function setNotebook(notebook: NotebookState): void {
	setContext(KEY, notebook);
}

export function notebookContext(): NotebookState {
	const notebook = getContext<NotebookState | undefined>(KEY);
	if (!notebook) throw new Error('<Cell> renders inside a <Notebook lesson="…">');
	return notebook;
}
