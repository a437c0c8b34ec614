import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import remarkMath from 'remark-math';
import rehypeKatexSvelte from 'rehype-katex-svelte';
import {
	rehypeHeadingIds,
	rehypeLessonFacts,
	rehypeLessonImports,
	rehypeSlideSections,
	remarkComponentParagraphs
} from './src/lib/lessons/mdsvex-plugins.js';
import rehypeSlides from './src/lib/present/rehype-slides.js';
import { languages } from './scripts/lib/languages.js';
import {
	ISLAND_WIDGETS,
	LESSON_COMPONENT_FOLDERS,
	componentsIn
} from './src/lib/lessons/widgets.js';

// SEPARABLE_OUT=<name> builds into build-<name>/ so that several developers can build one checkout at once.
const out = process.env.SEPARABLE_OUT;
// The unit tests generate SvelteKit's files for a dev server; `npm test` runs them beside the build
// (scripts/test.js), whose generated files differ. Each keeps its own, or the build reads the tests'.
const generated =
	(out ? `.svelte-kit-${out}` : '.svelte-kit') + (process.env.VITEST ? '-unit' : '');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		mdsvex({
			extensions: ['.md'],
			// rehype-katex-svelte renders KaTeX at build time and escapes the braces Svelte would read as expressions.
			// remarkComponentParagraphs fails the build on a paragraph that starts with a component tag.
			remarkPlugins: [remarkMath, remarkComponentParagraphs],
			rehypePlugins: [
				[rehypeKatexSvelte, { output: 'htmlAndMathml' }],
				rehypeHeadingIds,
				// What the site reads of a lesson without rendering it (its `facts` export): after KaTeX and
				// the heading ids, before the imports and slides add components and repeat headings.
				rehypeLessonFacts,
				[
					rehypeLessonImports,
					{
						components: componentsIn(import.meta.dirname, LESSON_COMPONENT_FOLDERS),
						// Interactive widgets: prerendered, hydrated on their own near the viewport; the rest is static.
						islands: ISLAND_WIDGETS
					}
				],
				// Groups the finished nodes into section.slide elements for presentation mode…
				rehypeSlides,
				// …each a Slide, which tells its content its section's number (speaker notes).
				rehypeSlideSections
			]
		})
	],
	kit: {
		adapter: adapter({
			pages: out ? `build-${out}` : 'build',
			assets: out ? `build-${out}` : 'build',
			fallback: '404.html',
			strict: true
		}),
		outDir: generated,
		// Inline small stylesheets: a lesson page would otherwise wait on ~20 render-blocking requests.
		inlineStyleThreshold: 32 * 1024,
		alias: { $content: 'content' },
		prerender: {
			entries: ['*', ...languages.map((lang) => /** @type {`/${string}`} */ (`/${lang}/`))],
			handleMissingId: 'fail'
		},
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// One policy for every page, with what tfjs' wasm backend needs: a client-side navigation
				// keeps the first page's policy (src/lib/csp.ts says why these sources are safe).
				'script-src': ['self', 'wasm-unsafe-eval', 'blob:'],
				// KaTeX and D3 set inline style attributes; scripts stay hash-only.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				// Official MobileNet weights are fetched from Google's tfjs-models bucket when no local copy exists.
				// A mirror of the weights set at build time (PUBLIC_MODEL_BASE_URL, src/lib/model/env.ts) too.
				'connect-src': [
					'self',
					'https://storage.googleapis.com',
					...(process.env.PUBLIC_MODEL_BASE_URL?.startsWith('http')
						? [
								/** @type {`${string}://${string}.${string}`} */ (
									new URL(process.env.PUBLIC_MODEL_BASE_URL).origin
								)
							]
						: [])
				],
				'worker-src': ['self', 'blob:'],
				'media-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
