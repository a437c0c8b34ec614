import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonFeatures } from '$lib/lessons/features';

const animations = readdirSync('src/lib/components/viz')
	.filter((f) => f.endsWith('.svelte'))
	.map((f) => f.slice(0, -'.svelte'.length));
const lesson = (slug: string) => readFileSync(`content/en/${slug}.md`, 'utf8');

describe('what a lesson offers', () => {
	it('reads animations, calculators, code and lab links from the components used', () => {
		const source =
			'---\ntitle: x\n---\n\nText.\n\n<ConvolutionAnimation />\n\n<ArchitectureTable net="v1" caption="c" controls />\n\n<Cell id="a" />\n';
		expect(lessonFeatures(source, animations)).toEqual(['animation', 'calculator', 'code', 'lab']);
		expect(
			lessonFeatures('---\ntitle: x\n---\n\nOnly <Term id="a">words</Term>.\n', animations)
		).toEqual([]);
		// A tag shown as code in the lesson is not a widget.
		expect(
			lessonFeatures('---\ntitle: x\n---\n\n```\n<CostCalculator />\n```\n', animations)
		).toEqual([]);
	});

	it('finds the course’s widgets where they are', () => {
		expect(lessonFeatures(lesson('depthwise-separable-convolution'), animations)).toEqual(
			expect.arrayContaining(['animation', 'calculator'])
		);
		expect(lessonFeatures(lesson('mobilenet-v1'), animations)).toContain('lab');
		const withCells = readdirSync('content/en')
			.filter((f) => f.endsWith('.md'))
			.filter((f) => readFileSync(`content/en/${f}`, 'utf8').includes('<Cell '));
		for (const file of withCells)
			expect(lessonFeatures(lesson(file.slice(0, -3)), animations)).toContain('code');
	});
});
