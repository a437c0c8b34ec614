import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from 'mdsvex';
import remarkMath from 'remark-math';
import { remarkComponentParagraphs } from '../../../src/lib/lessons/mdsvex-plugins.js';
import { LANGUAGES } from './helpers';

async function render(source: string, filename = 'content/en/lesson.md'): Promise<string> {
	const out = await compile(source, {
		filename,
		extensions: ['.md'],
		remarkPlugins: [remarkMath, remarkComponentParagraphs]
	});
	return out?.code ?? '';
}

const frontmatter = '---\ntitle: A lesson\n---\n\n';

describe('lint: no paragraph starts with a component tag', () => {
	it('fails on a paragraph that starts with an inline component, naming file and line', async () => {
		const source = `${frontmatter}Intro.\n\n<Term id="padding">Padding</Term> adds **zeros** around $x$.\n`;
		await expect(render(source)).rejects.toThrow(
			/^content\/en\/lesson\.md:7: a paragraph or list item starts with <Term>/
		);
	});

	it('fails on a list item that starts with a self-closing component', async () => {
		const source = 'Counts:\n\n- first item\n- <Num of="macs" /> million **mult-adds**\n';
		await expect(render(source, 'content/ko/x.md')).rejects.toThrow(
			/content\/ko\/x\.md:4: .*starts with <Num>.*"<Num of="macs" \/> million \*\*mult-adds\*\*"/
		);
	});

	it('reports every offending block at once', async () => {
		const source = '<Cite id="a" /> first.\n\nFine.\n\n<Cost conv="standard" /> second.\n';
		const error = await render(source).catch((e: Error) => e.message);
		expect(error).toMatch(/lesson\.md:1: .*<Cite>/);
		expect(error).toMatch(/lesson\.md:5: .*<Cost>/);
	});

	it('fails on a block component with text on its own lines, whose Markdown would not render', async () => {
		await expect(render('<Callout kind="key">\nOne **filter**.\n</Callout>\n')).rejects.toThrow(
			/starts with <Callout>/
		);
	});

	it('accepts components inside a sentence, and renders the Markdown around them', async () => {
		const code = await render(
			'A **thick** <Term id="filter">filter</Term> costs $D_K^2$ and <Num of="macs" /> million.\n\n' +
				'- **<Term id="relu">ReLU</Term>** first, in bold\n- then <Cite id="howard2017" />\n'
		);
		expect(code).toContain('<p>A <strong>thick</strong> <Term id="filter">filter</Term>');
		expect(code).toContain('<li><strong><Term id="relu">ReLU</Term></strong> first, in bold</li>');
	});

	it('accepts block components alone on their lines', async () => {
		const source = [
			'<Notes>',
			'',
			'Ask the **class**.',
			'',
			'</Notes>',
			'',
			'<Equation id="cost">',
			'',
			'$$',
			'D_K \\cdot D_K',
			'$$',
			'',
			'</Equation>',
			'',
			'<Cell id="standard-cost" />',
			'',
			'<ArchitectureTable net="v1"',
			'\tcaption="Attributes over two lines, one with a > sign" alpha={0.5} />',
			'',
			'<Notes></Notes>',
			''
		].join('\n');
		const code = await render(source);
		expect(code).toContain('<p>Ask the <strong>class</strong>.</p>');
		expect(code).toContain('<Cell id="standard-cost" />');
	});

	it('passes on every lesson in every language', async () => {
		for (const lang of LANGUAGES) {
			for (const file of readdirSync(`content/${lang}`).filter((f) => f.endsWith('.md'))) {
				const filename = `content/${lang}/${file}`;
				await expect(
					render(readFileSync(filename, 'utf8'), filename),
					filename
				).resolves.toBeTypeOf('string');
			}
		}
	}, 60_000);
});
