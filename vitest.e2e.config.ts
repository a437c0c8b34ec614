import { defineConfig } from 'vitest/config';

/**
 * Files that measure time, wait on a network's or a notebook cell's result, or wait out a time
 * limit: they run one at a time, after the rest, with no second browser slowing what they wait on.
 */
const alone = [
	// The lab: the live network in tfjs, its timings and its weight downloads.
	'tests/e2e/lab*.test.ts',
	'tests/e2e/live*.test.ts',
	'tests/e2e/model.test.ts',
	// Cells run in a worker with a time limit; the playground's endless loop waits it out.
	'tests/e2e/notebook.test.ts',
	'tests/e2e/lesson-cells.test.ts',
	// Lesson 10's live widgets measure, quantize and classify.
	'tests/e2e/lesson-live.test.ts',
	// The laser pointer fades on a clock, and ink crosses between two windows.
	'tests/e2e/present-ink.test.ts'
];

// Browser tests: playwright-core drives Debian's Chromium against the built site (see tests/e2e/).
// The other files two at a time (this machine's two cores), then `alone` one at a time: see
// CONTRIBUTING.md for what each order measured.
export default defineConfig({
	test: {
		environment: 'node',
		// Each group runs it too (`extends: true`), with servers of its own. Giving it to the root
		// alone, the groups sharing its servers, made one test of lesson-live.test.ts wait 30 s
		// (3.5 s this way), which is not understood yet.
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 90_000,
		hookTimeout: 90_000,
		// An assertion retried until it holds, as web-first assertions are (Playwright waits 5 s):
		// Vitest's 1 s default is short for a page hydrating on a busy machine.
		expect: { poll: { timeout: 10_000 } },
		// No include or exclude here: a group that extends this config adds them to its own.
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
				test: {
					name: 'alone',
					include: alone,
					maxWorkers: 1,
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
