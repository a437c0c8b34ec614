import { defineConfig } from 'vitest/config';

/**
 * Files that time something, run a network in tfjs or a notebook cell's worker, or wait out a
 * time limit: they run one at a time, after the rest, on a machine nothing else is loading.
 */
const alone = [
	'tests/e2e/lab*.test.ts',
	'tests/e2e/live*.test.ts',
	'tests/e2e/model.test.ts',
	'tests/e2e/notebook.test.ts',
	'tests/e2e/lesson-cells.test.ts',
	'tests/e2e/lesson-live.test.ts',
	'tests/e2e/present-ink.test.ts'
];

// Browser tests: playwright-core drives Debian's Chromium against the built site (see tests/e2e/).
export default defineConfig({
	test: {
		environment: 'node',
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 90_000,
		hookTimeout: 90_000,
		// An assertion retried until it holds, as web-first assertions are (Playwright waits 5 s):
		// Vitest's 1 s default is short for a page hydrating on a busy machine.
		expect: { poll: { timeout: 10_000 } },
		// The pages' files two at a time (one per core), then the rest one at a time: see
		// CONTRIBUTING.md for what each order measured.
		projects: [
			{
				extends: true,
				test: {
					name: 'pages',
					include: ['tests/e2e/**/*.test.ts'],
					exclude: alone,
					maxWorkers: 2,
					sequence: { groupOrder: 0 }
				}
			},
			{
				extends: true,
				test: { name: 'alone', include: alone, maxWorkers: 1, sequence: { groupOrder: 1 } }
			}
		]
	}
});
