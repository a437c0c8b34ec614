import { describe, expect, it } from 'vitest';
import { allowsBlobWorkerScripts, directives, policyShape } from '../../../src/lib/csp';

const policy =
	"default-src 'self'; worker-src 'self' blob:; img-src 'self' data: blob:; script-src 'self' 'wasm-unsafe-eval' blob: 'sha256-abc='; style-src 'self' 'unsafe-inline'";

describe('the site CSP', () => {
	it('reads directives by lower-case name', () => {
		const all = directives("Script-Src 'self' blob:;  worker-src blob: ;");
		expect(all.get('script-src')).toEqual(["'self'", 'blob:']);
		expect(all.get('worker-src')).toEqual(['blob:']);
		expect(all.size).toBe(2);
	});

	it('compares pages by their policy without the script hashes each page has', () => {
		const other = policy.replace("'sha256-abc='", "'sha256-xyz=' 'sha384-q='");
		expect(policyShape(other)).toBe(policyShape(policy));
		expect(policyShape(policy)).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
		expect(policyShape(policy)).not.toContain('sha256');
		expect(policyShape(policy.replace(" 'wasm-unsafe-eval'", ''))).not.toBe(policyShape(policy));
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
