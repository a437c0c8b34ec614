/**
 * What rehypeLessonFacts reads of a lesson as it compiles (src/lib/lessons/mdsvex-plugins.js),
 * through the site's own mdsvex pipeline.
 */
import { describe, expect, it } from 'vitest';
import { idsOf } from '$lib/lessons/facts';
import { countReadingUnits } from '$lib/lessons/reading-time';
import { factsOf } from '../../lesson-facts';
import config from '../../../svelte.config.js';

const lesson = `---
title: A lesson
order: 1
summary: About things
---

## The *thick* filter {#thick-filter}

Text with $D_K \\cdot D_K$ math and a <Term id="kernel">kernel</Term>.

<Equation id="cost">

$$
D_K \\cdot D_K \\cdot M
$$

</Equation>

### A detail with \`code\` {#detail}

\`\`\`js
## not a heading {#nope}
<Equation id="in-code">
<CostCalculator />
\`\`\`

<Notes>

Say this to the class, but do not time it.

</Notes>

---

## Second <Term id="stride">stride</Term> section {#second}

<Points>

- Key point here

</Points>

See <EqRef id="cost" /> and <Cite id="howard2017" />, then <Cite id="he2015" /> and <Cite id="howard2017" />.
Don't forget the <Term id="kernel">kernel</Term>.
`;

describe('lesson facts', () => {
	it('lists the headings with their ids, as they read on the page, ignoring code', async () => {
		expect((await factsOf(lesson)).toc).toEqual([
			{ id: 'thick-filter', text: 'The thick filter', depth: 2 },
			{ id: 'detail', text: 'A detail with code', depth: 3 },
			{ id: 'second', text: 'Second stride section', depth: 2 }
		]);
	});

	it('fails the build on a heading without an id', async () => {
		await expect(factsOf('## No id here\n', 'content/en/x.md')).rejects.toThrow(/x\.md.*id/);
	});

	it('lists component ids in order, repeats kept; idsOf drops the repeats', async () => {
		const facts = await factsOf(lesson);
		expect(facts.ids.Equation).toEqual(['cost']);
		expect(facts.ids.Cite).toEqual(['howard2017', 'he2015', 'howard2017']);
		expect(idsOf(facts, 'Cite')).toEqual(['howard2017', 'he2015']);
		expect(facts.ids.Term).toEqual(['kernel', 'stride', 'kernel']);
		expect(idsOf(facts, 'Nothing')).toEqual([]);
	});

	it('lists the components used, not those shown as code', async () => {
		const facts = await factsOf(lesson);
		expect(facts.components).toEqual(['Cite', 'EqRef', 'Equation', 'Notes', 'Points', 'Term']);
		const inline = await factsOf('## Using `<Cell />` {#cells}\n\nWrite `<Cell id="x" />` here.\n');
		expect(inline.components).toEqual([]);
		expect(inline.toc[0]?.text).toBe('Using <Cell />');
		expect(facts.controls).toBe(false);
		expect((await factsOf('Text.\n\n<ArchitectureTable net="v1" controls />\n')).controls).toBe(
			true
		);
	});

	it('counts what a student reads: no code, math, markup or teacher notes', async () => {
		const facts = await factsOf(lesson);
		const read =
			'The thick filter Text with math and a kernel A detail with code Second stride section ' +
			'See and then and Don’t forget the kernel';
		expect(facts.prose).toEqual(countReadingUnits(read));
		expect(facts.reading).toEqual(countReadingUnits(`${read} Key point here`));
		expect((await factsOf('## 深度卷积 {#a}\n\n每个通道一个滤波器。\n')).reading).toEqual({
			words: 0,
			han: 13,
			hangul: 0
		});
	});

	it('are exported for the server only: the browser’s lesson holds none of them', async () => {
		const mdsvex = [config.preprocess ?? []].flat().find((p) => p.name === 'mdsvex') as unknown as {
			markup: (input: { content: string; filename: string }) => Promise<{ code: string }>;
		};
		const { code } = await mdsvex.markup({ content: lesson, filename: 'lesson.md' });
		expect(code).toMatch(/export const facts = browser \? undefined : \{"toc":.*\};/);
	});
});
