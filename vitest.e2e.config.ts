import { defineConfig } from 'vitest/config';

// Browser tests: playwright-core drives Debian's Chromium against the built site (see tests/e2e/).
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 90_000,
		hookTimeout: 90_000,
		// Two cores: one Chromium at a time keeps timings and the wasm backend steady.
		fileParallelism: false
	}
});
