import { describe, expect, it } from 'vitest';
import {
	cacheName,
	pageKeys,
	precacheList,
	staleCaches,
	strategyFor
} from '$lib/offline/cache-policy';

const origin = 'http://localhost:4173';
const precached = new Set(
	precacheList(
		['/_app/immutable/entry/start.js', '/_app/version.json'],
		['/favicon.svg', '/models/mobilenet_v1_0.25_224/model.json', '/models/x/group1-shard1of1'],
		['/en/', '/en/present/depthwise/', '/en/learn/depthwise/__data.json']
	)
);

function request(
	path: string,
	init: Partial<{ method: string; mode: string; hasRange: boolean }> = {}
) {
	return {
		method: init.method ?? 'GET',
		url: new URL(path, origin),
		mode: init.mode ?? 'no-cors',
		hasRange: init.hasRange ?? false
	};
}

describe('service worker cache policy', () => {
	it('precaches the site but never model weights', () => {
		expect(precached.has('/_app/immutable/entry/start.js')).toBe(true);
		expect(precached.has('/en/present/depthwise/')).toBe(true);
		expect([...precached].some((path) => path.startsWith('/models/'))).toBe(false);
	});

	it('answers built files from the cache and pages from the network first', () => {
		expect(strategyFor(request('/_app/immutable/entry/start.js'), origin, precached)).toBe(
			'cache-first'
		);
		expect(
			strategyFor(request('/en/present/depthwise/', { mode: 'navigate' }), origin, precached)
		).toBe('network-first');
		expect(strategyFor(request('/en/learn/depthwise/__data.json'), origin, precached)).toBe(
			'network-first'
		);
	});

	it('leaves weights, other hosts, non-GET and range requests to the browser', () => {
		expect(
			strategyFor(request('/models/mobilenet_v1_0.25_224/model.json'), origin, precached)
		).toBe('pass');
		expect(
			strategyFor(
				request('https://storage.googleapis.com/tfjs-models/model.json'),
				origin,
				precached
			)
		).toBe('pass');
		expect(strategyFor(request('/en/', { method: 'POST' }), origin, precached)).toBe('pass');
		expect(strategyFor(request('/favicon.svg', { hasRange: true }), origin, precached)).toBe(
			'pass'
		);
		expect(strategyFor(request('/unknown.js'), origin, precached)).toBe('pass');
	});

	it('deletes only its own old caches', () => {
		const current = cacheName('2');
		expect(
			staleCaches([cacheName('1'), current, 'separable-weights-v1', 'other'], current)
		).toEqual([cacheName('1')]);
	});

	it('finds a page with or without its trailing slash', () => {
		expect(pageKeys('/en/learn/x')).toEqual(['/en/learn/x', '/en/learn/x/']);
		expect(pageKeys('/en/learn/x/')).toEqual(['/en/learn/x/']);
		expect(pageKeys('/en/index.html')).toEqual(['/en/index.html', '/en/']);
	});
});
