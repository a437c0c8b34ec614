/**
 * Runs queued jobs one per task, in the order queued. Islands that come near the viewport together
 * (a lesson page's first screens, a jump to an anchor) each hydrate in a task of their own, so the
 * browser can paint and answer input between them instead of running one long task. `post` starts
 * a new task (setTimeout in the page; a test passes its own).
 */
export class TaskQueue {
	#jobs: (() => void)[] = [];
	#posted = false;

	constructor(private readonly post: (run: () => void) => void) {}

	/** Queues `job`; returns a function that takes it off the queue if it has not run yet. */
	add(job: () => void): () => void {
		this.#jobs.push(job);
		this.#schedule();
		return () => {
			const index = this.#jobs.indexOf(job);
			if (index >= 0) this.#jobs.splice(index, 1);
		};
	}

	get size(): number {
		return this.#jobs.length;
	}

	#schedule() {
		if (this.#posted || this.#jobs.length === 0) return;
		this.#posted = true;
		this.post(() => {
			this.#posted = false;
			const job = this.#jobs.shift();
			// Schedule the rest first: a job that throws must not stall the islands after it.
			this.#schedule();
			job?.();
		});
	}
}
