import { describe, expect, it } from 'vitest';
import { compile } from 'mdsvex';
import remarkMath from 'remark-math';
import rehypeKatexSvelte from 'rehype-katex-svelte';
import { rehypeHeadingIds, rehypeLessonImports } from '../../../src/lib/lessons/mdsvex-plugins.js';
import { componentsIn } from '../../../src/lib/lessons/widgets.js';

const components = {
	Equation: '$lib/components/lesson/Equation.svelte',
	Term: '$lib/components/lesson/Term.svelte'
};

async function render(source: string): Promise<string> {
	const out = await compile(source, {
		remarkPlugins: [remarkMath],
		rehypePlugins: [
			[rehypeKatexSvelte, { output: 'htmlAndMathml' }],
			rehypeHeadingIds,
			[rehypeLessonImports, { components }]
		]
	});
	return out?.code ?? '';
}

describe('mdsvex plugins', () => {
	it('moves {#id} into the heading id and renders math with braces at build time', async () => {
		const code = await render(
			'## Cost ratio {#cost-ratio}\n\nInline $\\frac{1}{N} + \\frac{1}{D_K^2}$.\n\n$$\n\\frac{1}{N}\n$$\n'
		);
		expect(code).toContain('<h2 id="cost-ratio">Cost ratio</h2>');
		expect(code).not.toContain('{#cost-ratio}');
		// KaTeX output with MathML, inside {@html} so Svelte never reads the braces.
		expect(code).toContain('{@html "<span class=\\"katex\\"><span class=\\"katex-mathml\\"><math');
		expect(code).toContain('math-display');
		expect(code).not.toContain('katex-error');
	});

	it('fails on a section heading without an id', async () => {
		await expect(render('## No id\n\ntext\n')).rejects.toThrow(/needs an id/);
		await expect(render('### No id either\n')).rejects.toThrow(/needs an id/);
	});

	it('fails on invalid TeX instead of shipping an error box', async () => {
		await expect(render('Bad $\\frac{1}{$ math\n')).rejects.toThrow();
	});

	it('imports exactly the components a lesson uses', async () => {
		const code = await render(
			'## A {#a}\n\nA <Term id="x">term</Term>.\n\n<Equation id="e">\n\n$$\nx\n$$\n\n</Equation>\n\n<Unknown />\n'
		);
		expect(code).toContain("import Equation from '$lib/components/lesson/Equation.svelte';");
		expect(code).toContain("import Term from '$lib/components/lesson/Term.svelte';");
		expect(code).not.toContain('Unknown.svelte');
		const plain = await render('## A {#a}\n\nNo components.\n');
		expect(plain).not.toContain('import ');
	});

	it('refuses a lesson with its own script', async () => {
		await expect(render('<script>\n\tlet x = 1;\n</script>\n\n## A {#a}\n')).rejects.toThrow(
			/no <script>/
		);
	});

	it('maps component files to $lib imports, earlier folders winning', () => {
		const map = componentsIn(process.cwd(), [
			'src/lib/components/lesson',
			'src/lib/components/viz'
		]);
		expect(map.Equation).toBe('$lib/components/lesson/Equation.svelte');
		expect(map.CostCalculator).toBe('$lib/components/lesson/CostCalculator.svelte');
		expect(Object.keys(componentsIn(process.cwd(), ['no/such/folder']))).toEqual([]);
	});
});
