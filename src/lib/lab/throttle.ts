/**
 * Calls fn at most once per interval, always with the latest value, and once more at the end
 * of a burst. Browsers ignore history.replaceState when it is called hundreds of times in a few
 * seconds, which a dragged slider would otherwise do.
 */
export function throttle<T>(fn: (value: T) => void, interval: number) {
	let last = -Infinity;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending: { value: T } | null = null;

	function flush() {
		timer = null;
		if (pending === null) return;
		const { value } = pending;
		pending = null;
		last = Date.now();
		fn(value);
	}

	return {
		call(value: T) {
			pending = { value };
			if (timer !== null) return;
			const wait = last + interval - Date.now();
			if (wait <= 0) flush();
			else timer = setTimeout(flush, wait);
		},
		/** Runs a pending call now (e.g. when the slider is released). */
		flush() {
			if (timer !== null) clearTimeout(timer);
			flush();
		},
		cancel() {
			if (timer !== null) clearTimeout(timer);
			timer = null;
			pending = null;
		}
	};
}
