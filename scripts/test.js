// `npm test`: every test, unit and browser. Installs Debian's Chromium first when missing and root.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { ensureChromium } from './lib/chromium.js';

const outDir = 'test-output';
// This run's reports and screenshots only: nothing left from an earlier run can pass for it.
for (const stale of ['unit.json', 'e2e.json', 'screenshots', 'slide-budget.json']) {
	rmSync(`${outDir}/${stale}`, { recursive: true, force: true });
}
mkdirSync(outDir, { recursive: true });

/**
 * Runs a command to its end. `onOutput` sees its output as it comes; with `quiet`, the output is
 * kept and printed at the end instead of as it comes (so two steps at once do not interleave).
 */
function run(label, command, args, { quiet = false, onOutput } = {}) {
	if (!quiet) console.log(`\n▶ ${label}`);
	// A step nobody listens to keeps the terminal (its colours and live progress).
	const watched = quiet || onOutput !== undefined;
	const child = spawn(command, args, { stdio: watched ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
	let kept = '';
	for (const stream of watched ? [child.stdout, child.stderr] : []) {
		// Whole characters only: a chunk may end inside a ✓ or a Cyrillic test name.
		stream.setEncoding('utf8');
		stream.on('data', (text) => {
			onOutput?.(text);
			if (quiet) kept += text;
			else (stream === child.stdout ? process.stdout : process.stderr).write(text);
		});
	}
	return new Promise((resolve) => {
		child.on('close', (code) => {
			if (quiet) process.stdout.write(`\n▶ ${label}\n${kept}`);
			resolve(code === 0);
		});
	});
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

// The unit tests run beside the build: two cores, and neither step fills both. SvelteKit's generated
// files are kept apart (svelte.config.js). Both compile the UI messages into src/lib/paraglide; the
// unit tests start once the build has, so that they find every file in place and write none
// (vite.config.ts pins one output for both).
let messagesCompiled;
const compiled = new Promise((resolve) => (messagesCompiled = resolve));
const build = run('Build the static site', 'npx', ['vite', 'build'], {
	onOutput: (text) => {
		if (/\[paraglide-js\][^\n]*Compilation (complete|skipped)/.test(text)) messagesCompiled();
	}
});
build.then(messagesCompiled);
const unit = compiled.then(() =>
	run(
		'Unit tests (Vitest)',
		'npx',
		[
			'vitest',
			'run',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${outDir}/unit.json`
		],
		{ quiet: true }
	)
);
const [built, unitPassed] = await Promise.all([build, unit]);

// Without a build there is nothing for the browser tests to open.
const e2ePassed =
	built &&
	(await run('Browser tests (playwright-core + Chromium)', 'npx', [
		'vitest',
		'run',
		'--config',
		'vitest.e2e.config.ts',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${outDir}/e2e.json`
	]));

const unitCounts = counts(`${outDir}/unit.json`);
const e2e = counts(`${outDir}/e2e.json`);
const passed = unitCounts.passed + e2e.passed;
const failed = unitCounts.failed + e2e.failed;
const skipped = unitCounts.skipped + e2e.skipped;
console.log(
	`\nunit: ${unitCounts.passed} passed, ${unitCounts.failed} failed; browser: ${e2e.passed} passed, ${e2e.failed} failed`
);
console.log(`Screenshots: ${outDir}/screenshots/`);
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(built && unitPassed && e2ePassed && failed === 0 && passed > 0 ? 0 : 1);
