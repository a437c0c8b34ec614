/**
 * What the service worker does with each request, as pure functions the unit tests can reach.
 * The site is static: one cache per build version holds every built file and prerendered page,
 * so a classroom laptop that opened the site once can read and present with no network.
 */

/** Cache names this worker owns. Other caches (the lab's weights) are never touched. */
export const cachePrefix = 'separable-site-';

export function cacheName(version: string): string {
	return `${cachePrefix}${version}`;
}

/** Old caches of this worker, to delete once a new version is active. */
export function staleCaches(names: readonly string[], current: string): string[] {
	return names.filter((name) => name.startsWith(cachePrefix) && name !== current);
}

/**
 * The URLs to precache. Model weights are excluded: the lab downloads and caches them itself,
 * and they are tens of megabytes a teacher may never need.
 */
export function precacheList(
	build: readonly string[],
	files: readonly string[],
	prerendered: readonly string[]
): string[] {
	return [...new Set([...build, ...files, ...prerendered])].filter((path) => !isModelPath(path));
}

export function isModelPath(pathname: string): boolean {
	return pathname.startsWith('/models/') || pathname.endsWith('/model.json');
}

export type Strategy =
	/** Leave the request to the browser. */
	| 'pass'
	/** Immutable build output and static files: cache first. */
	| 'cache-first'
	/** Pages and page data: network first, cache when offline or slow. */
	| 'network-first';

export interface RequestInfo {
	method: string;
	url: URL;
	/** Request.mode: 'navigate' for page loads. */
	mode: string;
	hasRange: boolean;
}

export function strategyFor(
	request: RequestInfo,
	origin: string,
	precached: ReadonlySet<string>
): Strategy {
	if (request.method !== 'GET' || request.hasRange) return 'pass';
	if (request.url.origin !== origin) return 'pass';
	const path = request.url.pathname;
	if (isModelPath(path)) return 'pass';
	if (precached.has(path) && !isPage(path)) return 'cache-first';
	if (request.mode === 'navigate' || isPage(path)) return 'network-first';
	return 'pass';
}

/** A prerendered page or its data: these change with each deployment, so the network wins. */
export function isPage(pathname: string): boolean {
	return pathname.endsWith('/') || pathname.endsWith('.html') || pathname.endsWith('/__data.json');
}

/**
 * Cache keys for a page: a navigation to /en/learn/x (no slash) or /en/learn/x/index.html finds
 * the page stored as /en/learn/x/.
 */
export function pageKeys(pathname: string): string[] {
	if (pathname.endsWith('/index.html')) return [pathname, pathname.slice(0, -'index.html'.length)];
	if (pathname.endsWith('/') || pathname.endsWith('.json')) return [pathname];
	return [pathname, `${pathname}/`];
}
