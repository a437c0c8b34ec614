import { describe, expect, it } from 'vitest';
import { Player, type FrameScheduler } from '$lib/viz/player.svelte';

/** Frames on demand, at the times a test gives. */
function manualScheduler() {
	let pending: ((now: number) => void) | null = null;
	const scheduler: FrameScheduler = {
		request: (callback) => {
			pending = callback;
			return 1;
		},
		cancel: () => {
			pending = null;
		}
	};
	return {
		scheduler,
		frame(now: number) {
			const callback = pending;
			pending = null;
			callback?.(now);
		},
		get waiting() {
			return pending !== null;
		}
	};
}

describe('player', () => {
	it('advances at its rate per elapsed time and stops at the end', () => {
		const clock = manualScheduler();
		const player = new Player(100, 50, clock.scheduler);
		player.play();
		clock.frame(0);
		expect(player.t).toBe(0);
		clock.frame(1000);
		// Frames longer than 100 ms (a background tab) count as 100 ms.
		expect(player.t).toBe(5);
		clock.frame(1100);
		expect(player.t).toBe(10);
		for (let now = 1200; clock.waiting; now += 100) clock.frame(now);
		expect(player.t).toBe(100);
		expect(player.playing).toBe(false);
		expect(player.done).toBe(true);
	});

	it('pauses, seeks within bounds, restarts from the end', () => {
		const clock = manualScheduler();
		const player = new Player(10, 1, clock.scheduler);
		player.seek(42);
		expect(player.t).toBe(10);
		player.play();
		expect(player.t).toBe(0);
		player.toggle();
		expect(player.playing).toBe(false);
		expect(clock.waiting).toBe(false);
		player.seek(-3);
		expect(player.t).toBe(0);
		player.reset(20);
		expect([player.t, player.total, player.playing]).toEqual([0, 20, false]);
	});
});
