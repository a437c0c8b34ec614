import { describe, expect, it } from 'vitest';
import {
	allowsBlobWorkerScripts,
	fitPolicyToRoute,
	routeRunsWasm,
	withoutWasmSources
} from '../../../src/lib/csp';

const policy =
	"default-src 'self'; worker-src 'self' blob:; img-src 'self' data: blob:; script-src 'self' 'wasm-unsafe-eval' blob: 'sha256-abc='; style-src 'self' 'unsafe-inline'";
const page = (p: string) =>
	`<head><meta http-equiv="content-security-policy" content="${p}"><title>x</title></head>`;

describe('per-route CSP', () => {
	it('keeps wasm and blob: workers only on the lab route', () => {
		expect(routeRunsWasm('/[lang=lang]/lab')).toBe(true);
		expect(routeRunsWasm('/[lang=lang]/learn/[slug]')).toBe(false);
		expect(routeRunsWasm('/[lang=lang]/notebook')).toBe(false);
		expect(routeRunsWasm(null)).toBe(false);
	});

	it('strips exactly the wasm-route sources and nothing else', () => {
		expect(withoutWasmSources(policy)).toBe(
			"default-src 'self'; worker-src 'self'; img-src 'self' data: blob:; script-src 'self' 'sha256-abc='; style-src 'self' 'unsafe-inline'"
		);
	});

	it('rewrites the <meta> of other routes and leaves the lab page as built', () => {
		expect(fitPolicyToRoute(page(policy), '/[lang=lang]/lab')).toBe(page(policy));
		const other = fitPolicyToRoute(page(policy), '/[lang=lang]');
		expect(other).toBe(page(withoutWasmSources(policy)));
		expect(other).not.toContain('wasm-unsafe-eval');
		expect(allowsBlobWorkerScripts(withoutWasmSources(policy))).toBe(false);
	});

	it('says when wasm threads may start: blob: for the worker and for its imported scripts', () => {
		expect(allowsBlobWorkerScripts(policy)).toBe(true);
		expect(allowsBlobWorkerScripts('')).toBe(true);
		expect(allowsBlobWorkerScripts("script-src 'self'; worker-src 'self' blob:")).toBe(false);
		expect(allowsBlobWorkerScripts("script-src 'self' blob:; worker-src 'self'")).toBe(false);
		// worker-src falls back to script-src, script-src to default-src.
		expect(allowsBlobWorkerScripts("default-src 'self' blob:")).toBe(true);
		expect(allowsBlobWorkerScripts("script-src 'self' blob:")).toBe(true);
	});
});
