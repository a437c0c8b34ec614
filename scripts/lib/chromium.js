// Finds Debian's Chromium for the browser tests and benchmarks, installing it with apt when run as root.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a closed network (no GPU, no sandbox as root, no background traffic). */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	'--disable-default-apps',
	'--mute-audio'
];

export function ensureChromium() {
	if (existsSync(chromiumPath)) return chromiumPath;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		console.error(
			`Chromium is missing at ${chromiumPath}. Install Debian's package and run again:\n` +
				'  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk\n' +
				'(or set CHROMIUM_PATH to another Chromium build).'
		);
		process.exit(1);
	}
	console.log('Installing Debian chromium and CJK fonts for the browser tests (apt-get)…');
	for (const args of [
		['update'],
		['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']
	]) {
		const result = spawnSync('apt-get', args, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
		});
		if (result.status !== 0) {
			console.error(`apt-get ${args.join(' ')} failed with exit code ${result.status}.`);
			process.exit(1);
		}
	}
	if (!existsSync(chromiumPath)) {
		console.error(`apt-get finished but ${chromiumPath} is still missing.`);
		process.exit(1);
	}
	return chromiumPath;
}
