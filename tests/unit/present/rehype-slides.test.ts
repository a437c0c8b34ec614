import { describe, expect, it } from 'vitest';
import { compile } from 'mdsvex';
import remarkMath from 'remark-math';
import rehypeKatexSvelte from 'rehype-katex-svelte';
import rehypeSlides, { groupSlides, tagDepth } from '$lib/present/rehype-slides.js';
import { rehypeHeadingIds } from '$lib/lessons/mdsvex-plugins.js';

// The order of svelte.config.js: KaTeX and heading ids first, slides last.
async function render(source: string, headingIds = false): Promise<string> {
	const result = await compile(source, {
		remarkPlugins: [remarkMath],
		rehypePlugins: [
			[rehypeKatexSvelte, { output: 'htmlAndMathml' }],
			...(headingIds ? [rehypeHeadingIds] : []),
			rehypeSlides
		]
	});
	if (!result) throw new Error('mdsvex returned nothing');
	return result.code;
}

function sections(code: string): string[] {
	const pattern =
		/<section\s+class="slide"\s+data-slide="(\d+)"\s+data-break="(\w+)"\s*>([\s\S]*?)<\/section>/g;
	return [...code.matchAll(pattern)].map((match) => match[3] ?? '');
}

const lesson = `---
title: Depthwise
---
<script>
	import Notes from '$lib/components/lesson/Notes.svelte';
	import Widget from '$lib/components/Widget.svelte';
</script>

# Depthwise separable convolution

An introduction with $a^2$.

<Notes>
Ask who has trained a CNN.
</Notes>

## The cost

$$
\\frac{1}{N} + \\frac{1}{D_K^2}
$$

<Widget size={3} />

---

More on the cost.

## Second heading

Last words.
`;

describe('rehype-slides', () => {
	it('starts a slide at each ## and ---, keeping the rule for reading', async () => {
		const code = await render(lesson);
		const slides = sections(code);
		expect(slides).toHaveLength(4);
		expect(slides[0]).toContain('<h1>Depthwise separable convolution</h1>');
		expect(slides[0]).toContain('<Notes>');
		expect(slides[1]).toMatch(/^\s*<h2>The cost<\/h2>/);
		expect(slides[1]).toContain('<Widget size={3} />');
		expect(slides[2]).toMatch(
			/^\s*<hr\s*\/?>\s*<p class="slide-continued" hidden aria-hidden="true">The cost<\/p>\s*<p>More on the cost.<\/p>/
		);
		expect(slides[3]).toContain('Last words.');
		expect(code.match(/<hr/g)).toHaveLength(1);
		expect(code).toMatch(/data-slide="2"\s+data-break="rule"/);
	});

	it('keeps the script block at the top level and KaTeX rendered inside the slide', async () => {
		const code = await render(lesson);
		const firstSection = code.indexOf('<section');
		expect(code.indexOf("import Notes from '$lib/components/lesson/Notes.svelte'")).toBeLessThan(
			firstSection
		);
		expect(code.lastIndexOf('<script')).toBeLessThan(firstSection);
		expect(sections(code)[1]).toContain('class=\\"katex-display\\"');
	});

	it('repeats a section’s title, math and all, on the slides that carry it on', async () => {
		const code = await render(
			'## Cost of $D_K^2$ {#cost}\n\nOne.\n\n---\n\nTwo.\n\n---\n\n### Exercise {#ex}\n\nThree.\n\n---\n\nFour.\n',
			true
		);
		const slides = sections(code);
		expect(slides).toHaveLength(4);
		// Each continuation shows a copy of the heading it carries on, not of the slide's own.
		expect(slides[0]).not.toContain('slide-continued');
		expect(slides[1]).toMatch(
			/<p class="slide-continued" hidden aria-hidden="true">Cost of [^]*katex/
		);
		expect(slides[1]).not.toContain('id="cost"');
		// A subheading belongs to its section's prose: the slides after it still carry the section.
		for (const slide of [slides[2], slides[3]]) {
			expect(slide).toMatch(/<p class="slide-continued" hidden aria-hidden="true">Cost of /);
		}
		expect(slides[2]).toContain('<h3 id="ex">Exercise</h3>');
		expect(code.match(/id="cost"/g)).toHaveLength(1);
	});

	it('adds the slide titles to the metadata', async () => {
		const code = await render(lesson);
		expect(code).toContain(
			'"slideTitles":["Depthwise separable convolution","The cost","The cost","Second heading"]'
		);
	});

	it('keeps the TeX of math in titles, and no heading ids', async () => {
		const code = await render(
			'# Cost $1/N + 1/D_K^2$\n\n## Why $a<b$ matters {#why-key}\n\n{#key x}\n\nText\n\n{/key}\n\n## After {#key-idea}\n',
			true
		);
		expect(code).toContain('"slideTitles":["Cost 1/N + 1/D_K^2","Why a<b matters","After"]');
	});

	it('gives a lesson without front matter its metadata too', async () => {
		const code = await render('# Title\n\nText\n\n## Next\n\nMore\n');
		expect(code).toContain('"slideTitles":["Title","Next"]');
		expect(sections(code)).toHaveLength(2);
	});

	it('makes no empty slide when the lesson opens with ## or rules follow each other', async () => {
		expect(sections(await render('# T\n\n---\n\n---\n\nText\n'))).toHaveLength(2);
		const code = await render('## Straight in\n\nText\n');
		expect(sections(code)).toHaveLength(1);
		expect(code).toMatch(/data-slide="0"\s+data-break="heading"/);
	});

	it('does not split inside a component or a Svelte block', async () => {
		const code = await render(`# T

<Notes>

Long notes

## Not a slide

</Notes>

{#if true}

## Also inside

{/if}

## A real slide
`);
		const slides = sections(code);
		expect(slides).toHaveLength(2);
		expect(slides[0]).toContain('Not a slide');
		expect(slides[0]).toContain('Also inside');
		expect(slides[1]).toContain('A real slide');
	});
});

describe('tagDepth', () => {
	it('counts opened components and elements', () => {
		expect(tagDepth('<Notes>')).toBe(1);
		expect(tagDepth('</Notes>')).toBe(-1);
		expect(tagDepth('<Notes>text</Notes>')).toBe(0);
		expect(tagDepth('<Widget x={a > b} label="a > b" />')).toBe(0);
		expect(tagDepth('<div class="x"><img src="a.png"><br></div>')).toBe(0);
		expect(tagDepth('<!-- <Notes> -->')).toBe(0);
		expect(tagDepth('<Card title={`x`}>')).toBe(1);
	});
});

describe('groupSlides', () => {
	it('hoists script, style and svelte:head wherever they are', () => {
		const { hoisted, groups } = groupSlides([
			{ type: 'element', tagName: 'h1', children: [{ type: 'text', value: 'T' }] },
			{ type: 'raw', value: '<svelte:head><title>x</title></svelte:head>' },
			{ type: 'raw', value: '<style>\n h1 { color: red }\n</style>' }
		]);
		expect(hoisted).toHaveLength(2);
		expect(groups).toHaveLength(1);
	});
});

const withPoints = `---
title: Points
---

## The cost {#cost}

<Points>

- Two layers, two jobs.

</Points>

The depthwise layer filters; the pointwise layer mixes.

- a prose list

$$
a + b
$$

<Notes>

Ask why.

</Notes>

<Callout kind="key">

Remember this.

</Callout>

<Widget size={3} />

## No points {#none}

Everything here is projected.
`;

describe('the slide layer', () => {
	it('wraps each run of prose on a slide with points, and nothing else', async () => {
		const [first, second] = sections(await render(withPoints, true));
		expect(first).toBeDefined();
		// The prose before the formula is one run, the callout after the notes another.
		expect(first?.match(/<SlideProse>/g)).toHaveLength(2);
		expect(first?.match(/<\/SlideProse>/g)).toHaveLength(2);
		const [, proseRun, afterFirstRun] = first?.split(/<SlideProse>|<\/SlideProse>/) ?? [];
		expect(proseRun).toContain('The depthwise layer filters');
		expect(proseRun).toContain('a prose list');
		expect(proseRun).not.toContain('katex');
		// The formula, the teacher's notes and the widget stay outside any run.
		expect(afterFirstRun).toContain('katex-display');
		expect(afterFirstRun).toContain('<Notes>');
		expect(first?.split('</SlideProse>').at(-1)).toContain('<Widget');
		expect(first?.indexOf('<Points>')).toBeLessThan(first?.indexOf('<SlideProse>') ?? 0);
		// A slide without points projects everything, as before.
		expect(second).not.toContain('SlideProse');
	});

	it('imports SlideProse where a slide has points', async () => {
		const result = await compile(withPoints, {
			remarkPlugins: [remarkMath],
			rehypePlugins: [
				[rehypeKatexSvelte, { output: 'htmlAndMathml' }],
				rehypeHeadingIds,
				rehypeSlides
			]
		});
		expect(result?.code).toContain(
			"import SlideProse from '$lib/components/present/SlideProse.svelte';"
		);
		const none = await render('## A {#a}\n\nText.\n', true);
		expect(none).not.toContain('SlideProse');
	});
});
