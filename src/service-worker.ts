/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Precaches the built site so that lessons and slides open with no network after one visit
// (src/lib/offline/cache-policy.ts says what is cached and how each request is answered).
import { build, files, prerendered, version } from '$service-worker';
import {
	cacheName,
	pageKeys,
	precacheList,
	staleCaches,
	strategyFor
} from '$lib/offline/cache-policy';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
const precache = precacheList(build, files, prerendered);
const precached = new Set(precache);
/** On a slow classroom network a cached page beats waiting; past this the cache answers. */
const networkPatienceMs = 4000;

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(precache);
			await worker.skipWaiting();
		})()
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const names = await caches.keys();
			await Promise.all(staleCaches(names, CACHE).map((name) => caches.delete(name)));
			await worker.clients.claim();
		})()
	);
});

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const hit = await cache.match(request, { ignoreSearch: true });
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

async function cachedPage(cache: Cache, url: URL): Promise<Response | undefined> {
	for (const key of pageKeys(url.pathname)) {
		const hit = await cache.match(new URL(key, url), { ignoreSearch: true });
		if (hit) return hit;
	}
	return undefined;
}

async function networkFirst(request: Request): Promise<Response> {
	const url = new URL(request.url);
	const cache = await caches.open(CACHE);
	const network = fetch(request).then(async (response) => {
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	});
	const slow = new Promise<undefined>((resolve) => setTimeout(resolve, networkPatienceMs));
	try {
		const first = await Promise.race([network, slow]);
		if (first) return first;
		return (await cachedPage(cache, url)) ?? (await network);
	} catch (error) {
		const hit = await cachedPage(cache, url);
		if (hit) return hit;
		// Offline and never visited: the site's own not-found page explains more than a browser error.
		const notFound = request.mode === 'navigate' ? await cache.match('/404.html') : undefined;
		if (notFound) return notFound;
		throw error;
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	const strategy = strategyFor(
		{
			method: request.method,
			url: new URL(request.url),
			mode: request.mode,
			hasRange: request.headers.has('range')
		},
		worker.location.origin,
		precached
	);
	if (strategy === 'cache-first') event.respondWith(cacheFirst(request));
	else if (strategy === 'network-first') event.respondWith(networkFirst(request));
});
