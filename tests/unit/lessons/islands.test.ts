import { describe, expect, it } from 'vitest';
import { compile } from 'mdsvex';
import {
	propsSource,
	rehypeLessonImports,
	rehypeSlideSections
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

describe('widget islands in lessons', () => {
	it('makes each listed widget an island with its name and props, imported lazily, WidgetIsland once', async () => {
		const code = await render(
			'Intro.\n\n<Chart alpha={0.5} caption="A chart" />\n\nMore.\n\n<Chart />\n',
			['Chart']
		);
		expect(code).toContain(
			'<WidgetIsland name="Chart" widget={Chart} props={{ "alpha": (0.5), "caption": "A chart" }} />'
		);
		expect(code).toContain('<WidgetIsland name="Chart" widget={Chart} props={{}} />');
		expect(
			code.match(/import WidgetIsland from '\$lib\/components\/island\/widget-island';/g)
		).toHaveLength(1);
		// Its code loads with its islands (src/lib/lessons/lazy-widgets.js).
		expect(code).toContain(
			`import Chart from '${LAZY_WIDGET}$lib/components/lesson/Chart.svelte';`
		);
	});

	it('fails the build on a widget that does not stand alone in its block', async () => {
		for (const source of [
			'A sentence with <Chart /> inline.\n',
			'<Chart when={a < b} />\n',
			'- <Chart />\n'
		]) {
			await expect(render(source, ['Chart']), source).rejects.toThrow(
				/<Chart> is an interactive widget/
			);
		}
	});

	it('leaves alone what is not a widget: unlisted components, with or without children', async () => {
		const code = await render(
			[
				'<Term id="x" />',
				'A sentence with <Term id="y">term</Term>.',
				'<Notes>\n\nTeacher text.\n\n</Notes>'
			].join('\n\n'),
			['Chart']
		);
		expect(code).not.toContain('Island');
		expect(code).toContain("import Term from '$lib/components/lesson/Term.svelte';");
	});

	it('wraps nothing without an islands list', async () => {
		const code = await render('<Chart />\n', []);
		expect(code).not.toContain('Island');
	});
});

describe('propsSource', () => {
	it('reads quoted text, expressions and bare attributes as a props object', () => {
		expect(propsSource(' a="x y" b={1.5} c', 'test')).toBe('{ "a": "x y", "b": (1.5), "c": true }');
		expect(propsSource(` caption='He said "hi"' `, 'test')).toBe(
			'{ "caption": "He said \\"hi\\"" }'
		);
		expect(
			propsSource(` models={[{ net: 'v1' }, { net: 'v1', alpha: 0.5 }]} label="a}b"`, 'test')
		).toBe(`{ "models": ([{ net: 'v1' }, { net: 'v1', alpha: 0.5 }]), "label": "a}b" }`);
		expect(propsSource(' text={"}"} ', 'test')).toBe('{ "text": ("}") }');
		expect(propsSource('', 'test')).toBe('{}');
	});

	it('refuses what it cannot carry exactly, naming the tag', () => {
		expect(() => propsSource(' a="{x}"', '<Chart>')).toThrow(
			/<Chart>: a quoted value with an expression/
		);
		expect(() => propsSource(' a="x &amp; y"', '<Chart>')).toThrow(/an entity/);
		expect(() => propsSource(' {...rest}', '<Chart>')).toThrow(/an attribute that is not/);
		expect(() => propsSource(' a=1', '<Chart>')).toThrow(/an unquoted value/);
		expect(() => propsSource(' a={[1, 2]', '<Chart>')).toThrow(/an unclosed expression/);
		expect(() => propsSource(' a="x', '<Chart>')).toThrow(/an unclosed quote/);
	});
});

describe('slide sections', () => {
	async function slides(source: string, islands: string[] = []): Promise<string> {
		const out = await compile(source, {
			rehypePlugins: [
				[rehypeLessonImports, { components, islands }],
				rehypeSlides,
				rehypeSlideSections
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
			/<Slide index=\{2\} start="rule">\s*<hr>\s*<p class="slide-continued" hidden aria-hidden="true">One<\/p>\s*<WidgetIsland name="Chart" widget=\{Chart\} props=\{\{\}\} \/>\s*<\/Slide>/
		);
		expect(
			code.match(/import Slide from '\$lib\/components\/present\/Slide\.svelte';/g)
		).toHaveLength(1);
		expect(code).toContain("import Term from '$lib/components/lesson/Term.svelte';");
	});

	it('adds the import to a lesson that uses no component', async () => {
		const code = await slides('Just text.\n\n## More\n\nText.\n');
		expect(code).toMatch(
			/<script>\s*import Slide from '\$lib\/components\/present\/Slide\.svelte';\s*<\/script>/
		);
		expect(code.match(/<Slide /g)).toHaveLength(2);
	});
});
