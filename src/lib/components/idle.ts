/**
 * Runs `run` once the browser is next idle, or `timeout` ms later at the latest when given. Safari
 * has no requestIdleCallback: half a second stands in there. Returns the cancel.
 */
export function whenIdle(run: () => void, timeout?: number): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(() => run(), timeout === undefined ? {} : { timeout });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(run, 500);
	return () => clearTimeout(id);
}
