/** The notebook worker, bundled by Vite as its own chunk and loaded only when a cell first runs. */
export function spawnNotebookWorker(): Worker {
	return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}
