import { describe, expect, it } from 'vitest';
import { compile } from 'mdsvex';
import {
	rehypeLessonImports,
	rehypeSlideIslands
} from '../../../src/lib/lessons/mdsvex-plugins.js';
import { LAZY_WIDGET } from '../../../src/lib/lessons/lazy-widgets.js';
import rehypeSlides from '../../../src/lib/present/rehype-slides.js';

const components = {
	Chart: '$lib/components/lesson/Chart.svelte',
	Term: '$lib/components/lesson/Term.svelte',
	Notes: '$lib/components/lesson/Notes.svelte'
};

async function render(source: string, islands: string[]): Promise<string> {
	const out = await compile(source, {
		rehypePlugins: [[rehypeLessonImports, { components, islands }]]
	});
	return out?.code ?? '';
}

describe('islands in lessons', () => {
	it('wraps a listed component that stands alone in its block, and imports Island once', async () => {
		const code = await render(
			'Intro.\n\n<Chart alpha={0.5} caption="A chart" />\n\nMore.\n\n<Chart />\n',
			['Chart']
		);
		expect(code).toContain(
			'<Island widget={Chart}><Chart alpha={0.5} caption="A chart" /></Island>'
		);
		expect(code).toContain('<Island widget={Chart}><Chart /></Island>');
		expect(code.match(/import Island from '\$lib\/components\/island';/g)).toHaveLength(1);
		// Used only in islands: its code loads with them (src/lib/lessons/lazy-widgets.js).
		expect(code).toContain(
			`import Chart from '${LAZY_WIDGET}$lib/components/lesson/Chart.svelte';`
		);
	});

	it('imports a component used outside an island as well as in one as it is', async () => {
		const code = await render('<Chart />\n\nA sentence with <Chart /> inline.\n', ['Chart']);
		expect(code).toContain('<Island><Chart /></Island>');
		expect(code).not.toContain('widget=');
		expect(code).not.toContain(LAZY_WIDGET);
		expect(code).toContain("import Chart from '$lib/components/lesson/Chart.svelte';");
	});

	it('leaves alone what it cannot wrap safely: unlisted, inline, with children, `<` in attributes', async () => {
		const code = await render(
			[
				'<Term id="x" />',
				'A sentence with <Chart /> inline.',
				'<Notes>\n\nTeacher text.\n\n</Notes>',
				'<Chart when={a < b} />'
			].join('\n\n'),
			['Chart', 'Notes']
		);
		expect(code).not.toContain('<Island>');
		expect(code).not.toContain('import Island');
	});

	it('wraps nothing without an islands list', async () => {
		const code = await render('<Chart />\n', []);
		expect(code).not.toContain('Island');
	});
});

describe('slide sections as islands', () => {
	async function slides(source: string, islands: string[] = []): Promise<string> {
		const out = await compile(source, {
			rehypePlugins: [
				[rehypeLessonImports, { components, islands }],
				rehypeSlides,
				rehypeSlideIslands
			]
		});
		return out?.code ?? '';
	}

	it('makes each section a <Slide> with its index and how it starts, and imports Slide once', async () => {
		const code = await slides('Intro <Term id="x" />.\n\n## One\n\nText.\n\n---\n\n<Chart />\n', [
			'Chart'
		]);
		expect(code).not.toContain('<section');
		const opened = [...code.matchAll(/<Slide index=\{(\d+)\} start="(\w+)">/g)].map((m) => [
			m[1],
			m[2]
		]);
		expect(opened).toEqual([
			['0', 'start'],
			['1', 'heading'],
			['2', 'rule']
		]);
		expect(code.match(/<\/Slide>/g)).toHaveLength(3);
		// Each section's content stays inside its own Slide, in order.
		expect(code).toMatch(
			/<Slide index=\{1\} start="heading">\s*<h2[^>]*>One<\/h2>\s*<p>Text.<\/p>\s*<\/Slide>/
		);
		expect(code).toMatch(
			/<Slide index=\{2\} start="rule">\s*<hr>\s*<p class="slide-continued" hidden aria-hidden="true">One<\/p>\s*<Island widget=\{Chart\}><Chart \/><\/Island>\s*<\/Slide>/
		);
		expect(code.match(/import Slide from '\$lib\/components\/island\/slide';/g)).toHaveLength(1);
		expect(code).toContain("import Term from '$lib/components/lesson/Term.svelte';");
	});

	it('adds the import to a lesson that uses no component', async () => {
		const code = await slides('Just text.\n\n## More\n\nText.\n');
		expect(code).toMatch(
			/<script>\s*import Slide from '\$lib\/components\/island\/slide';\s*<\/script>/
		);
		expect(code.match(/<Slide /g)).toHaveLength(2);
	});
});
