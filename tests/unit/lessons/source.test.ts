import { describe, expect, it } from 'vitest';
import { body, citationsInsideFigures } from '$lib/lessons/source';

describe('lesson source', () => {
	it('drops the frontmatter', () => {
		expect(body('---\ntitle: x\n---\n\n## The')).toBe('\n## The');
		expect(body('no frontmatter')).toBe('no frontmatter');
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
