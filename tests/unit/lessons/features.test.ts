import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonFeatures, namesLayers } from '$lib/lessons/features';
import { compiledFacts } from './helpers';

const animations = readdirSync('src/lib/components/viz')
	.filter((f) => f.endsWith('.svelte'))
	.map((f) => f.slice(0, -'.svelte'.length));
const features = (components: string[], controls = false) =>
	lessonFeatures({ components, controls }, animations);
const lesson = (slug: string) => lessonFeatures(compiledFacts('en', slug), animations);

// Which components a lesson uses, and which are only shown as code, is facts.test.ts's.
describe('what a lesson offers', () => {
	it('reads animations, calculators, code and lab links from the components used', () => {
		expect(features(['ArchitectureTable', 'Cell', 'ConvolutionAnimation'], true)).toEqual([
			'animation',
			'calculator',
			'code',
			'lab'
		]);
		expect(features(['ArchitectureTable'])).toEqual(['lab']);
		expect(features(['CostCalculator'])).toEqual(['calculator']);
		expect(features(['Notes', 'Term'])).toEqual([]);
	});

	it('finds the course’s widgets where they are', () => {
		expect(lesson('depthwise-separable-convolution')).toEqual(
			expect.arrayContaining(['animation', 'calculator'])
		);
		expect(lesson('mobilenet-v1')).toContain('lab');
		const withCells = readdirSync('content/en')
			.filter((f) => f.endsWith('.md'))
			.filter((f) => readFileSync(`content/en/${f}`, 'utf8').includes('<Cell '));
		expect(withCells.length).toBeGreaterThan(0);
		for (const file of withCells) expect(lesson(file.slice(0, -3))).toContain('code');
	});

	it('knows which lessons name layers as the lab does', () => {
		expect(namesLayers(compiledFacts('en', 'latency-and-8-bit'))).toBe(true);
		expect(namesLayers(compiledFacts('en', 'mobilenet-v1'))).toBe(false);
		// Every lesson widget with the lab's layer picker is listed, or its page would lack the terms.
		const pickers = readdirSync('src/lib/components/lesson')
			.filter((f) => f.endsWith('.svelte'))
			.filter((f) => readFileSync(`src/lib/components/lesson/${f}`, 'utf8').includes('LayerPicker'))
			.map((f) => f.slice(0, -'.svelte'.length));
		expect(pickers.length).toBeGreaterThan(0);
		for (const name of pickers) expect(namesLayers({ components: [name] }), name).toBe(true);
	});
});
