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

/** What the browser tests need from Debian, and a file that shows each is installed. */
const testPackages = [
	{ name: 'chromium', file: chromiumPath },
	// CJK glyphs for the Chinese and Korean screenshots.
	{ name: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
	// Makes the CMYK JPEG and animated GIF that the image-input tests feed the lab.
	{ name: 'imagemagick', file: '/usr/bin/convert-im6.q16' },
	// Renders a printed deck's PDF to pixels, so a test can see the ink on the page.
	{ name: 'poppler-utils', file: '/usr/bin/pdftoppm' }
];

export function ensureChromium() {
	const missing = testPackages.filter(({ file }) => !existsSync(file)).map(({ name }) => name);
	if (missing.length === 0) return chromiumPath;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot) {
		if (!existsSync(chromiumPath)) {
			console.error(
				`Chromium is missing at ${chromiumPath}. Install Debian's packages and run again:\n` +
					`  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
					'(or set CHROMIUM_PATH to another Chromium build).'
			);
			process.exit(1);
		}
		console.warn(
			`Optional test packages missing: ${missing.join(' ')} (sudo apt-get install -y ${missing.join(' ')}).`
		);
		return chromiumPath;
	}
	console.log(`Installing ${missing.join(', ')} for the browser tests (apt-get)…`);
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
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
