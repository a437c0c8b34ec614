/**
 * Checks on a lesson's Markdown as written, where the rendered page no longer shows what the
 * writer typed: where a citation stands against a figure. What the site reads of a lesson (its
 * headings, components, ids and reading time) comes from the compiled lesson's `facts` (facts.ts).
 */

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const FENCED_CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;

/** The Markdown after the frontmatter block. */
export function body(source: string): string {
	return source.replace(FRONTMATTER, '');
}

/** Blanks fenced code out, keeping line breaks so nothing else shifts. */
function withoutCode(markdown: string): string {
	return markdown.replace(FENCED_CODE, (block) => block.replace(/[^\n]/g, ''));
}

/** A citing tag: a <Quote> prints its source after the figure unless `cite={false}`; a <Cite> prints "[n]". */
const CITING = /<Quote\b(?![^>]*\bcite=\{false\})[^>]*\/>|<Cite\b[^>]*\/>/g;
/** A figure a <Cite> could stand right after: a number component or a written number. */
const NUMBER_BEFORE = /(?:<(?:Num|Quote|Cost)\b[^>]*\/>|\d%?)\s*$/;
/**
 * What belongs to the figure before it, in the course's four languages: a unit, a counter or a
 * qualifier ("top-1 accuracy", "million", 次, 个, 회, 개), possibly after a linking 的 / 의 and
 * inside a <Term>.
 */
const QUALIFIER =
	/^\s*(?:的\s*|의\s*)?(?:<Term\b[^>]*>\s*)?(?:top-?[15]\b|accuracy|million|billion|mult-adds?\b|parameters?\b|точност|млн|млрд|умножени|параметр|准确率|百万|次|个|乘加|参数|정확도|백만|회|개|곱셈|파라미터)/i;

export interface MisplacedCitation {
	/** 1-based line in the source. */
	line: number;
	/** The citation and the words after it, as written. */
	text: string;
}

/**
 * Citations that come between a figure and its unit or qualifier, as in "71.7% (Howard et al.)
 * top-1": the house rule puts a citation at the end of the clause.
 */
export function citationsInsideFigures(markdown: string): MisplacedCitation[] {
	const source = withoutCode(markdown);
	const found: MisplacedCitation[] = [];
	for (const match of source.matchAll(CITING)) {
		const start = match.index;
		const end = start + match[0].length;
		const isQuote = match[0].startsWith('<Quote');
		if (!isQuote && !NUMBER_BEFORE.test(source.slice(Math.max(0, start - 200), start))) continue;
		const after = source.slice(end, end + 80);
		if (!QUALIFIER.test(after)) continue;
		found.push({
			line: source.slice(0, start).split('\n').length,
			text: `${match[0]}${after.split('\n')[0] ?? ''}`.slice(0, 120)
		});
	}
	return found;
}
