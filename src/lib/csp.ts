/**
 * The site's Content-Security-Policy is one policy for every page (svelte.config.js `kit.csp`),
 * including what tfjs' wasm backend needs:
 * - script-src 'wasm-unsafe-eval': compiling the WebAssembly backend;
 * - script-src blob: and worker-src blob:: tfjs' multi-threaded wasm starts its workers from a
 *   blob: URL and each worker importScripts() a second blob: URL holding the Emscripten glue.
 *
 * Why one policy and not a wider one for the pages that run tfjs: a browser keeps the policy of
 * the first document it loaded for every client-side navigation after it. With a stricter policy
 * on other pages, every visitor who reached the lab through a link (rather than by typing its
 * address) ran the network on the cpu backend, about 20× slower. One policy makes every path
 * into every page equal; a test checks that all built pages carry it.
 *
 * Neither relaxation adds a route for injected markup: WebAssembly can only be compiled, and a
 * blob: URL only minted, by script already running on this origin, which 'self' and the inline
 * scripts' hashes already trust.
 */

/** A policy's directives by name (lower case), each with its sources. */
export function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name!.toLowerCase(), sources])
	);
}

/** The policy without its script hashes: what every page's policy must equal. */
export function policyShape(policy: string): string {
	return [...directives(policy)]
		.map(([name, sources]) => [name, ...sources.filter((s) => !/^'sha(256|384|512)-/.test(s))])
		.map((parts) => parts.join(' '))
		.join('; ');
}

/** Whether a policy lets workers importScripts() blob: URLs (what wasm threads need). */
export function allowsBlobWorkerScripts(policy: string): boolean {
	const all = directives(policy);
	// The worker itself falls under worker-src; what it imports is checked against script-src.
	// A missing directive falls back as CSP does; no directive at all allows everything.
	const scripts = all.get('script-src') ?? all.get('default-src');
	const workers =
		all.get('worker-src') ??
		all.get('child-src') ??
		all.get('script-src') ??
		all.get('default-src');
	return [scripts, workers].every((sources) => sources === undefined || sources.includes('blob:'));
}
