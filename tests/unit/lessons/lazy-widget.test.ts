import { describe, expect, it, vi } from 'vitest';
import type { Component } from 'svelte';
import { lazyWidget, loadWidgets } from '$lib/components/island/lazy-widget';

type Props = Record<string, unknown>;

describe('lazyWidget', () => {
	const anchor = {} as Parameters<Component<Props>>[0];

	it('loads its code once, however often it is asked, then renders as the component', async () => {
		const component = vi.fn<Component<Props>>(() => ({}));
		const importer = vi.fn(async () => ({ default: component }));
		const widget = lazyWidget(importer);
		expect(widget.loaded).toBe(false);
		expect(importer).not.toHaveBeenCalled();
		expect(() => widget(anchor, { alpha: 1 })).toThrow(/before its code had loaded/);

		await Promise.all([widget.load(), widget.load()]);
		expect(importer).toHaveBeenCalledTimes(1);
		expect(widget.loaded).toBe(true);
		widget(anchor, { alpha: 0.5 });
		expect(component).toHaveBeenCalledWith(anchor, { alpha: 0.5 });
	});

	it('tries again after a failed load (offline, a stale deploy)', async () => {
		const component: Component<Props> = () => ({});
		const importer = vi
			.fn<() => Promise<{ default: Component<Props> }>>()
			.mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
			.mockResolvedValueOnce({ default: component });
		const widget = lazyWidget(importer);
		await expect(widget.load()).rejects.toThrow(/Failed to fetch/);
		expect(widget.loaded).toBe(false);
		await widget.load();
		expect(importer).toHaveBeenCalledTimes(2);
		expect(widget.loaded).toBe(true);
	});

	it('loadWidgets loads every widget not loaded yet, past one that fails', async () => {
		const component: Component<Props> = () => ({});
		const ok = vi.fn(async () => ({ default: component }));
		const failing = vi.fn(async (): Promise<{ default: Component<Props> }> => {
			throw new Error('offline');
		});
		const first = lazyWidget(ok);
		const broken = lazyWidget(failing);
		const second = lazyWidget(ok);
		await first.load();
		await loadWidgets();
		expect(second.loaded).toBe(true);
		expect(broken.loaded).toBe(false);
		expect(failing).toHaveBeenCalledTimes(1);
		// `first` was loaded already; `second` once, by loadWidgets.
		expect(ok).toHaveBeenCalledTimes(2);
	});

	it('loadWidgets starts each widget in a task after the last one loaded', async () => {
		// A fresh module: the widgets of the tests above (one of them broken) are not in its set.
		vi.resetModules();
		const { lazyWidget, loadWidgets } = await import('$lib/components/island/lazy-widget');
		const component: Component<Props> = () => ({});
		const order: string[] = [];
		const importer = (name: string) => async () => {
			order.push(name);
			return { default: component };
		};
		lazyWidget(importer('a'));
		lazyWidget(importer('b'));
		const loading = loadWidgets();
		// Queued after loadWidgets started: a task that runs before the next widget starts.
		setTimeout(() => order.push('task'), 0);
		await loading;
		expect(order).toEqual(['a', 'task', 'b']);
	});
});
