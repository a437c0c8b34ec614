import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { devModels } from './scripts/lib/dev-models.js';
import { lazyWidgets, lessonPreloads } from './src/lib/lessons/lazy-widgets.js';

export default defineConfig({
	// The CSP allows fonts from 'self' only: never inline one as a data: URL (KaTeX ships small ones).
	build: {
		assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
		// Rollup splits shared code into many sub-kilobyte chunks; a lesson page fetched ~30 scripts
		// before it could run any. Merge the small ones (only where no page then runs code it did not).
		rollupOptions: { output: { experimentalMinChunkSize: 10 * 1024 } },
		modulePreload: { resolveDependencies: lessonPreloads }
	},
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['globalVariable', 'baseLocale'],
			// One output for the dev server, the unit tests and the build (the plugin's default differs
			// by NODE_ENV). A second process then finds the files it would write already there and
			// rewrites none: `npm test` runs the unit tests beside the build (scripts/test.js).
			outputStructure: 'message-modules'
		}),
		lazyWidgets(import.meta.dirname),
		sveltekit(),
		devModels(import.meta.dirname)
	],
	// PUBLIC_MODEL_BASE_URL (a mirror of the official weights) reaches src/lib/model/env.ts.
	envPrefix: ['VITE_', 'PUBLIC_'],
	// Unit tests: pure logic in src/lib, run in Node through the site's own plugins. The browser
	// tests run against the built site, without Vite's plugins: vitest.e2e.config.ts.
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/unit/global-setup.ts']
	}
});
