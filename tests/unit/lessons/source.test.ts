import { describe, expect, it } from 'vitest';
import {
	body,
	citationsInsideFigures,
	componentIdCounts,
	componentIds,
	componentNames,
	extractToc,
	plainText,
	readableText
} from '$lib/lessons/source';

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
\`\`\`

<Notes>

Say this to the class, but do not time it.

</Notes>

---

## Second <Term id="stride">stride</Term> section {#second}

See <EqRef id="cost" /> and <Cite id="howard2017" />, then <Cite id="he2015" /> and <Cite id="howard2017" />.
<Term id="kernel">again</Term>
`;

describe('lesson source', () => {
	it('drops the frontmatter', () => {
		expect(body(lesson).startsWith('\n## The')).toBe(true);
		expect(body('no frontmatter')).toBe('no frontmatter');
	});

	it('extracts the table of contents with explicit ids, ignoring code', () => {
		expect(extractToc(lesson)).toEqual([
			{ id: 'thick-filter', text: 'The thick filter', depth: 2 },
			{ id: 'detail', text: 'A detail with code', depth: 3 },
			{ id: 'second', text: 'Second stride section', depth: 2 }
		]);
		expect(() => extractToc('## No id here')).toThrow(/No id here/);
	});

	it('lists component ids in order of first appearance', () => {
		expect(componentIds(lesson, 'Equation')).toEqual(['cost']);
		expect(componentIds(lesson, 'Cite')).toEqual(['howard2017', 'he2015']);
		expect(componentIds(lesson, 'Term')).toEqual(['kernel', 'stride']);
		expect(componentIdCounts(lesson, 'Term')).toEqual(
			new Map([
				['kernel', 2],
				['stride', 1]
			])
		);
	});

	it('lists the components used', () => {
		expect(componentNames(lesson)).toEqual(['Cite', 'EqRef', 'Equation', 'Notes', 'Term']);
	});

	it('keeps only what a student reads', () => {
		const text = readableText(lesson);
		expect(text).toContain('The thick filter');
		expect(text).toContain('kernel');
		expect(text).not.toMatch(/D_K|\$|<|Say this|thick-filter|title:/);
		expect(plainText('A [link](https://x.y) and **bold** <Num of="macs" />')).toBe(
			'A link and bold'
		);
	});

	it('finds a citation between a figure and its unit or qualifier', () => {
		const quote = '<Quote from="v1-table4" row="MobileNet" field="top1" />';
		const quiet = '<Quote from="v1-table4" row="MobileNet" field="top1" cite={false} />';
		const source = [
			`It reaches ${quote} top-1 accuracy.`,
			`It reaches ${quote} <Term id="top-1-accuracy">top-1 accuracy</Term> on ImageNet.`,
			`在 ImageNet 上达到 ${quote} 的 Top-1 准确率。`,
			`ImageNet에서 ${quote}의 top-1 정확도에 이른다.`,
			'It needs <Num of="macs" /> <Cite id="howard2017" /> million mult-adds.',
			'```',
			`${quote} top-1 in code is not prose.`,
			'```',
			`It reaches a top-1 accuracy of ${quote}.`,
			`Она достигает точности top-1 ${quote}, а V1 — ${quiet} top-1.`,
			'It needs <Num of="macs" /> million mult-adds <Cite id="howard2017" />.',
			'VGG 16 <Cite id="simonyan2014" /> stacks thirteen layers.',
			`top-1 정확도는 ${quote}다.`,
			// Chinese and Korean figures carry their unit (5.69 亿, 5.69억); the counter follows.
			'需要 <Quote from="v1-table3" row="Convolution" field="multAdds" />次乘加运算。',
			'곱셈-덧셈 <Quote from="v1-table3" row="Convolution" field="multAdds" /> 회가 필요하다.'
		].join('\n');
		expect(citationsInsideFigures(source).map((c) => c.line)).toEqual([1, 2, 3, 4, 5, 14, 15]);
		expect(citationsInsideFigures(source)[0]?.text).toBe(`${quote} top-1 accuracy.`);
	});
});
