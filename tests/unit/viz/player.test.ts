import { describe, expect, it } from 'vitest';
import { Player, stageFill, type FrameScheduler } from '$lib/viz/player.svelte';

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

	it('jumps paused, and steps paused to the next or previous whole stage', () => {
		const clock = manualScheduler();
		const player = new Player(5, 1, clock.scheduler);
		player.play();
		player.jump(2.4);
		expect([player.t, player.playing, clock.waiting]).toEqual([2.4, false, false]);
		player.stepWhole(1);
		expect(player.t).toBe(3);
		player.stepWhole(1);
		expect(player.t).toBe(4);
		player.seek(3.5);
		player.stepWhole(-1);
		expect(player.t).toBe(3);
		player.stepWhole(-1);
		expect(player.t).toBe(2);
		player.jump(0);
		player.stepWhole(-1);
		expect(player.t).toBe(0);
		player.jump(99);
		player.stepWhole(1);
		expect(player.t).toBe(5);
	});
});

describe('stageFill', () => {
	it('is 0 before a stage, the fraction while it runs, 1 after', () => {
		expect(stageFill(2, 0.5)).toBe(0);
		expect(stageFill(2, 1)).toBe(0);
		expect(stageFill(2, 1.25)).toBe(0.25);
		expect(stageFill(2, 2)).toBe(1);
		expect(stageFill(2, 4)).toBe(1);
		expect(stageFill(0, 0)).toBe(1);
	});
});
