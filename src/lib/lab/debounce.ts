/**
 * Calls fn with the latest value once calls have stopped for `wait` ms. The live network uses it
 * so that a dragged slider builds one network where it comes to rest, not one per value it passes.
 */
export function debounce<T>(fn: (value: T) => void, wait: number) {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending: { value: T } | null = null;

	function fire() {
		timer = null;
		if (pending === null) return;
		const { value } = pending;
		pending = null;
		fn(value);
	}

	return {
		call(value: T) {
			pending = { value };
			if (timer !== null) clearTimeout(timer);
			timer = setTimeout(fire, wait);
		},
		/** Runs a waiting call now. */
		flush() {
			if (timer !== null) clearTimeout(timer);
			fire();
		},
		/** Drops a waiting call. */
		cancel() {
			if (timer !== null) clearTimeout(timer);
			timer = null;
			pending = null;
		},
		get waiting(): boolean {
			return pending !== null;
		}
	};
}
