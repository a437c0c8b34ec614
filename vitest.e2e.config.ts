import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's Chromium against the built site (see tests/e2e/).
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 90_000,
		hookTimeout: 90_000,
		// Two files at a time on two cores: a browser test waits on pages (loads, idle callbacks,
		// network) much of its time, and every wait is on a condition, so two Chromiums share the
		// cores without flaking. Measured on the full suite here: 878 s against 1,100 s one at a time.
		// Speed is measured by `npm run bench`, which runs one page at a time.
		fileParallelism: true,
		maxWorkers: 2,
		// An assertion retried until it holds, as web-first assertions are (Playwright waits 5 s):
		// Vitest's 1 s default is short for a page hydrating beside another file's browser.
		expect: { poll: { timeout: 10_000 } }
	}
});
