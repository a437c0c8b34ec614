/**
 * Playback state of an animation: a time `t` from 0 to `total` (in whatever unit the animation
 * counts — mult-adds for the convolutions, stages for the blocks), advanced by
 * requestAnimationFrame at `rate` units per second.
 */
export interface FrameScheduler {
	request(callback: (now: number) => void): number;
	cancel(handle: number): void;
}

const browserScheduler: FrameScheduler = {
	request: (callback) => requestAnimationFrame(callback),
	cancel: (handle) => cancelAnimationFrame(handle)
};

/** How much of stage `k` (counted from 0) is drawn at time `t`: 0 before, 1 after, a fraction while it runs. */
export function stageFill(k: number, t: number): number {
	return Math.min(1, Math.max(0, t - k + 1));
}

/** A frame later than this after the last one (a background tab) does not jump the animation. */
const MAX_FRAME_MS = 100;

export class Player {
	t = $state(0);
	total = $state(0);
	playing = $state(false);
	/** Units per second. */
	rate = $state(1);

	#scheduler: FrameScheduler;
	#handle: number | null = null;
	#last: number | null = null;

	constructor(total: number, rate: number, scheduler: FrameScheduler = browserScheduler) {
		this.total = total;
		this.rate = rate;
		this.#scheduler = scheduler;
	}

	get done(): boolean {
		return this.t >= this.total;
	}

	/** New length (sizes changed): back to the start. */
	reset(total: number): void {
		this.pause();
		this.total = total;
		this.t = 0;
	}

	play(): void {
		if (this.playing) return;
		if (this.done) this.t = 0;
		this.playing = true;
		this.#last = null;
		this.#schedule();
	}

	pause(): void {
		this.playing = false;
		if (this.#handle !== null) this.#scheduler.cancel(this.#handle);
		this.#handle = null;
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	seek(t: number): void {
		this.t = Math.min(this.total, Math.max(0, t));
	}

	/** Pauses at `t`: the scrubber, restart, Home and End. */
	jump(t: number): void {
		this.pause();
		this.seek(t);
	}

	/** Pauses on the next (1) or previous (-1) whole unit: the blocks step stage by stage. */
	stepWhole(direction: 1 | -1): void {
		this.jump(direction === 1 ? Math.floor(this.t) + 1 : Math.ceil(this.t) - 1);
	}

	destroy(): void {
		this.pause();
	}

	#schedule(): void {
		this.#handle = this.#scheduler.request((now) => this.#frame(now));
	}

	#frame(now: number): void {
		this.#handle = null;
		if (!this.playing) return;
		const dt = this.#last === null ? 0 : Math.min(MAX_FRAME_MS, now - this.#last);
		this.#last = now;
		this.t = Math.min(this.total, this.t + (this.rate * dt) / 1000);
		if (this.t >= this.total) {
			this.playing = false;
			return;
		}
		this.#schedule();
	}
}
