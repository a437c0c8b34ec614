import { describe, expect, it } from 'vitest';
import { compile } from 'mdsvex';
import { rehypeLessonImports } from '../../../src/lib/lessons/mdsvex-plugins.js';

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
		expect(code).toContain('<Island><Chart alpha={0.5} caption="A chart" /></Island>');
		expect(code).toContain('<Island><Chart /></Island>');
		expect(code.match(/import Island from '\$lib\/components\/island';/g)).toHaveLength(1);
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
