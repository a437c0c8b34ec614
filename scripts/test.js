// `npm test`: every test, unit and browser. Installs Debian's Chromium first when missing and root.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { ensureChromium } from './lib/chromium.js';

const outDir = 'test-output';
// This run's reports and screenshots only: nothing left from an earlier run can pass for it.
for (const stale of ['unit.json', 'e2e.json', 'screenshots', 'slide-budget.json']) {
	rmSync(`${outDir}/${stale}`, { recursive: true, force: true });
}
mkdirSync(outDir, { recursive: true });

function run(label, command, args) {
	console.log(`\n▶ ${label}`);
	const result = spawnSync(command, args, { stdio: 'inherit' });
	return result.status === 0;
}

function counts(reportFile) {
	if (!existsSync(reportFile)) return { passed: 0, failed: 0, skipped: 0 };
	const report = JSON.parse(readFileSync(reportFile, 'utf8'));
	return {
		passed: report.numPassedTests ?? 0,
		failed: report.numFailedTests ?? 0,
		skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
	};
}

ensureChromium();

const steps = [
	() =>
		run('Unit tests (Vitest)', 'npx', [
			'vitest',
			'run',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${outDir}/unit.json`
		]),
	() => run('Build the static site', 'npx', ['vite', 'build']),
	() =>
		run('Browser tests (playwright-core + Chromium)', 'npx', [
			'vitest',
			'run',
			'--config',
			'vitest.e2e.config.ts',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${outDir}/e2e.json`
		])
];

let ok = true;
for (const [index, step] of steps.entries()) {
	if (!step()) {
		ok = false;
		// Without a build there is nothing for the browser tests to open.
		if (index === 1) break;
	}
}

const unit = counts(`${outDir}/unit.json`);
const e2e = counts(`${outDir}/e2e.json`);
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
const skipped = unit.skipped + e2e.skipped;
console.log(
	`\nunit: ${unit.passed} passed, ${unit.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed`
);
console.log(`Screenshots: ${outDir}/screenshots/`);
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
