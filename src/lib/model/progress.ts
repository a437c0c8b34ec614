/** Download progress over several files, for one progress bar. */

export interface FileProgress {
	loadedBytes: number;
	/** Expected size, or null while unknown (before model.json has been read). */
	totalBytes: number | null;
}

export interface LoadProgress {
	loadedBytes: number;
	/** Null while any file's size is unknown. */
	totalBytes: number | null;
	/** 0…1, or null while the total is unknown (show an indeterminate bar). */
	fraction: number | null;
	/** True when every byte so far came from the offline cache. */
	fromCache: boolean;
}

/** Sums per-file progress; the fraction is clamped because servers may compress or lie. */
export function aggregateProgress(files: readonly FileProgress[], fromCache = false): LoadProgress {
	let loadedBytes = 0;
	let totalBytes: number | null = 0;
	for (const f of files) {
		loadedBytes += f.loadedBytes;
		totalBytes = totalBytes === null || f.totalBytes === null ? null : totalBytes + f.totalBytes;
	}
	const fraction =
		totalBytes === null
			? null
			: totalBytes === 0
				? 1
				: Math.min(1, Math.max(0, loadedBytes / totalBytes));
	return { loadedBytes, totalBytes, fraction, fromCache };
}

/** Tracks named files and reports the aggregate after every change. */
export class ProgressTracker {
	private readonly files = new Map<string, FileProgress>();
	private allCached = true;

	constructor(private readonly onProgress?: (progress: LoadProgress) => void) {}

	/** Declares files and their sizes, reporting once (so the total never shrinks the bar). */
	expect(sizes: Iterable<readonly [key: string, totalBytes: number | null]>): void {
		for (const [key, totalBytes] of sizes) {
			const file = this.files.get(key);
			this.files.set(key, { loadedBytes: file?.loadedBytes ?? 0, totalBytes });
		}
		this.report();
	}

	/** Records bytes received for a file (cumulative for that file). */
	update(key: string, loadedBytes: number, fromCache: boolean): void {
		const file = this.files.get(key);
		if (!fromCache) this.allCached = false;
		this.files.set(key, { loadedBytes, totalBytes: file?.totalBytes ?? null });
		this.report();
	}

	current(): LoadProgress {
		return aggregateProgress([...this.files.values()], this.allCached);
	}

	private report(): void {
		this.onProgress?.(this.current());
	}
}
