/** Which network the lab opens on: the widest trained one it can load, unless a link names one. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '$lib/architecture';
import { chooseStart, namesConfig, startCandidates } from '$lib/lab/start';
import { LabState } from '$lib/lab/lab-state.svelte';
import type { LabConfig } from '$lib/lab/query';
import { TRAINED_MODELS } from '$lib/model/registry';

const key = (c: LabConfig) => `${c.version} ${c.alpha}-${c.resolution}`;

describe('the lab’s opening network', () => {
	it('lists every trained network once, widest first, V1 first among equals, at 224 px', () => {
		expect(startCandidates(TRAINED_MODELS).map(key)).toEqual([
			'v1 1-224',
			'v2 1-224',
			'v1 0.75-224',
			'v1 0.5-224',
			'v1 0.25-224'
		]);
	});

	it('opens on the first that can be loaded, asking no further, and on the default when none can', async () => {
		const asked: string[] = [];
		const only = (reachable: string[]) => async (c: LabConfig) => {
			asked.push(key(c));
			return reachable.includes(key(c));
		};
		const candidates = startCandidates(TRAINED_MODELS);
		expect(key(await chooseStart(candidates, only(['v1 0.75-224', 'v1 0.25-224'])))).toBe(
			'v1 0.75-224'
		);
		expect(asked).toEqual(['v1 1-224', 'v2 1-224', 'v1 0.75-224']);
		expect(await chooseStart(candidates, only([]))).toEqual(DEFAULT_CONFIG);
		expect(key(await chooseStart(candidates, only(['v2 1-224'])))).toBe('v2 1-224');
	});

	it('keeps exactly what a link names, even a bad value, without asking what loads', async () => {
		expect(namesConfig(new URLSearchParams(''))).toBe(false);
		expect(namesConfig(new URLSearchParams('lang=ru'))).toBe(false);
		expect(namesConfig(new URLSearchParams('res=160'))).toBe(true);
		const lab = new LabState();
		let asked = 0;
		const loadable = async () => (asked++, true);
		expect(await lab.open(new URLSearchParams('version=v2&alpha=0.35&res=96'), loadable)).toBe(
			false
		);
		expect(key(lab.config)).toBe('v2 0.35-96');
		expect(await lab.open(new URLSearchParams('alpha=zz'), loadable)).toBe(true);
		expect(asked).toBe(0);
	});

	it('opens an address without a network on the widest one that loads', async () => {
		const lab = new LabState();
		await lab.open(new URLSearchParams(''), async (c) => c.alpha <= 0.75);
		expect(key(lab.config)).toBe('v1 0.75-224');
		// The reader moved a slider while the lab was still finding out: their choice stays.
		const moved = new LabState();
		const opening = moved.open(new URLSearchParams(''), async () => false);
		moved.set({ field: 'alpha', value: 0.5 });
		await opening;
		expect(key(moved.config)).toBe('v1 0.5-224');
	});
});
