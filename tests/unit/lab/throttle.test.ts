import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '$lib/lab/throttle';

describe('throttle', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('runs the first call at once and the last of a burst at the end', () => {
		const seen: number[] = [];
		const t = throttle((v: number) => seen.push(v), 250);
		t.call(1);
		expect(seen).toEqual([1]);
		for (let v = 2; v <= 20; v++) {
			vi.advanceTimersByTime(10);
			t.call(v);
		}
		expect(seen).toEqual([1]);
		vi.advanceTimersByTime(250);
		expect(seen).toEqual([1, 20]);
	});

	it('calls at most once per interval during a long burst', () => {
		const seen: number[] = [];
		const t = throttle((v: number) => seen.push(v), 250);
		for (let v = 0; v < 100; v++) {
			t.call(v);
			vi.advanceTimersByTime(16);
		}
		vi.advanceTimersByTime(250);
		// 1.6 s of calls: a leading call plus one per 250 ms, ending with the last value.
		expect(seen.length).toBeLessThanOrEqual(8);
		expect(seen.at(-1)).toBe(99);
	});

	it('flush runs the pending call now; cancel drops it', () => {
		const seen: number[] = [];
		const t = throttle((v: number) => seen.push(v), 250);
		t.call(1);
		t.call(2);
		t.flush();
		expect(seen).toEqual([1, 2]);
		t.call(3);
		t.cancel();
		vi.advanceTimersByTime(1000);
		expect(seen).toEqual([1, 2]);
	});
});
