import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonFeatures } from '$lib/lessons/features';
import { factsOf, lessonFacts } from '../../lesson-facts';

const animations = readdirSync('src/lib/components/viz')
	.filter((f) => f.endsWith('.svelte'))
	.map((f) => f.slice(0, -'.svelte'.length));
const features = async (source: string) => lessonFeatures(await factsOf(source), animations);
const lesson = async (slug: string) => lessonFeatures(await lessonFacts('en', slug), animations);

describe('what a lesson offers', () => {
	it('reads animations, calculators, code and lab links from the components used', async () => {
		const source =
			'---\ntitle: x\n---\n\nText.\n\n<ConvolutionAnimation />\n\n<ArchitectureTable net="v1" caption="c" controls />\n\n<Cell id="a" />\n';
		expect(await features(source)).toEqual(['animation', 'calculator', 'code', 'lab']);
		expect(await features('---\ntitle: x\n---\n\nOnly <Term id="a">words</Term>.\n')).toEqual([]);
		// A tag shown as code in the lesson is not a widget.
		expect(await features('---\ntitle: x\n---\n\n```\n<CostCalculator />\n```\n')).toEqual([]);
		expect(await features('---\ntitle: x\n---\n\nSee `<CostCalculator />` in code.\n')).toEqual([]);
	});

	it('finds the course’s widgets where they are', async () => {
		expect(await lesson('depthwise-separable-convolution')).toEqual(
			expect.arrayContaining(['animation', 'calculator'])
		);
		expect(await lesson('mobilenet-v1')).toContain('lab');
		const withCells = readdirSync('content/en')
			.filter((f) => f.endsWith('.md'))
			.filter((f) => readFileSync(`content/en/${f}`, 'utf8').includes('<Cell '));
		for (const file of withCells) expect(await lesson(file.slice(0, -3))).toContain('code');
	});
});
