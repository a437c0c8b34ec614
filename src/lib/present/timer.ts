/** Elapsed time as m:ss, or h:mm:ss past an hour. */
export function formatElapsed(ms: number): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const hours = Math.floor(total / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	const ss = String(seconds).padStart(2, '0');
	if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
	return `${minutes}:${ss}`;
}

/** A stopwatch that can pause, as the presenter needs when questions run long. */
export interface Stopwatch {
	/** Milliseconds counted before the current run. */
	banked: number;
	/** When the current run started, or null while paused. */
	since: number | null;
}

export function startStopwatch(now: number): Stopwatch {
	return { banked: 0, since: now };
}

export function elapsed(watch: Stopwatch, now: number): number {
	return watch.banked + (watch.since === null ? 0 : Math.max(0, now - watch.since));
}

export function toggleStopwatch(watch: Stopwatch, now: number): Stopwatch {
	return watch.since === null
		? { banked: watch.banked, since: now }
		: { banked: elapsed(watch, now), since: null };
}
