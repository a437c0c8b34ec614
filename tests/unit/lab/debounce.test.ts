import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from '$lib/lab/debounce';

describe('debounce', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('calls once, with the last value, after the calls stop', () => {
		const seen: number[] = [];
		const d = debounce((v: number) => seen.push(v), 200);
		// A drag: one value per frame for a second, never still for 200 ms.
		for (let v = 0; v < 60; v++) {
			d.call(v);
			vi.advanceTimersByTime(16);
		}
		expect(seen).toEqual([]);
		expect(d.waiting).toBe(true);
		vi.advanceTimersByTime(183);
		expect(seen).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(seen).toEqual([59]);
		expect(d.waiting).toBe(false);
	});

	it('calls again for a later burst', () => {
		const seen: number[] = [];
		const d = debounce((v: number) => seen.push(v), 100);
		d.call(1);
		vi.advanceTimersByTime(100);
		d.call(2);
		d.call(3);
		vi.advanceTimersByTime(100);
		expect(seen).toEqual([1, 3]);
	});

	it('flush runs the waiting call now; cancel drops it', () => {
		const seen: number[] = [];
		const d = debounce((v: number) => seen.push(v), 100);
		d.call(1);
		d.flush();
		expect(seen).toEqual([1]);
		d.call(2);
		d.cancel();
		vi.advanceTimersByTime(500);
		expect(seen).toEqual([1]);
		d.flush();
		expect(seen).toEqual([1]);
	});
});
