/**
 * An offline copy of every downloaded weight file, so that a classroom laptop that opened the
 * lab once works without a network. Cache Storage keeps whole HTTP responses per URL and
 * survives reloads; where it is missing (Node, insecure origins) nothing is cached.
 */

export interface ByteCache {
	get(url: string): Promise<ArrayBuffer | null>;
	put(url: string, bytes: ArrayBuffer): Promise<void>;
	delete(url: string): Promise<void>;
}

/** Bump when the stored format changes, so stale entries are ignored. */
export const CACHE_NAME = 'separable-weights-v1';

/** Cache Storage, or null where the browser offers none (plain http on a LAN address, Node). */
export function browserCache(name = CACHE_NAME): ByteCache | null {
	if (typeof caches === 'undefined') return null;
	const open = () => caches.open(name);
	return {
		async get(url) {
			const hit = await (await open()).match(url);
			return hit ? hit.arrayBuffer() : null;
		},
		async put(url, bytes) {
			const response = new Response(bytes, {
				headers: {
					'Content-Type': 'application/octet-stream',
					'Content-Length': String(bytes.byteLength)
				}
			});
			await (await open()).put(url, response);
		},
		async delete(url) {
			await (await open()).delete(url);
		}
	};
}

/** A cache in memory (tests, and a fallback that still saves re-downloads within a visit). */
export function memoryCache(): ByteCache & { readonly size: number } {
	const entries = new Map<string, ArrayBuffer>();
	return {
		get size() {
			return entries.size;
		},
		async get(url) {
			return entries.get(url) ?? null;
		},
		async put(url, bytes) {
			entries.set(url, bytes);
		},
		async delete(url) {
			entries.delete(url);
		}
	};
}
