/**
 * What the site reads from a lesson's Markdown source without rendering it: the table of
 * contents, the equations and citations in order of appearance, the components and glossary
 * terms used, and the prose to time. Mirrors the conventions the mdsvex plugins enforce.
 */
import { HEADING_ID } from './mdsvex-plugins.js';

export interface TocEntry {
	id: string;
	text: string;
	depth: 2 | 3;
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;
const FENCED_CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;
const DISPLAY_MATH = /\$\$[\s\S]*?\$\$/g;
const INLINE_MATH = /\$(?!\s)(?:\\.|[^$\\\n])+?\$/g;
const NOTES = /<Notes\b[^>]*>[\s\S]*?<\/Notes>/g;
const TAG = /<\/?[A-Za-z][^>]*>/g;

/** The Markdown after the frontmatter block. */
export function body(source: string): string {
	return source.replace(FRONTMATTER, '');
}

/** Blanks fenced code out, keeping line breaks so nothing else shifts. */
function withoutCode(markdown: string): string {
	return markdown.replace(FENCED_CODE, (block) => block.replace(/[^\n]/g, ''));
}

/** Inline Markdown to the text a reader sees: tags dropped (their content kept), math and markup removed. */
export function plainText(inline: string): string {
	return inline
		.replace(INLINE_MATH, ' ')
		.replace(TAG, '')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Section headings (## and ###) with their explicit ids, in order. */
export function extractToc(markdown: string): TocEntry[] {
	const entries: TocEntry[] = [];
	for (const line of withoutCode(body(markdown)).split('\n')) {
		const heading = /^(#{2,3})\s+(.*)$/.exec(line);
		if (!heading?.[1] || heading[2] === undefined) continue;
		const id = HEADING_ID.exec(heading[2])?.[1];
		if (!id) throw new Error(`heading without an {#id}: ${line}`);
		entries.push({
			id,
			text: plainText(heading[2].replace(HEADING_ID, '')),
			depth: heading[1].length === 2 ? 2 : 3
		});
	}
	return entries;
}

/** The `id` attributes of every <Name …> tag, in order of first appearance, without repeats. */
export function componentIds(markdown: string, name: string): string[] {
	const tag = new RegExp(`<${name}\\b[^>]*?\\bid="([^"]+)"`, 'g');
	const ids = [...withoutCode(body(markdown)).matchAll(tag)].map((match) => match[1] ?? '');
	return [...new Set(ids)];
}

/** How often each id of <Name id="…"> occurs: terms must be marked once per lesson. */
export function componentIdCounts(markdown: string, name: string): Map<string, number> {
	const tag = new RegExp(`<${name}\\b[^>]*?\\bid="([^"]+)"`, 'g');
	const counts = new Map<string, number>();
	for (const [, id = ''] of withoutCode(body(markdown)).matchAll(tag)) {
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}

/** Names of the components a lesson uses (capitalised tags), sorted. */
export function componentNames(markdown: string): string[] {
	const names = [...withoutCode(body(markdown)).matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)].map(
		(match) => match[1] ?? ''
	);
	return [...new Set(names)].sort();
}

/** The prose a student reads: no frontmatter, code, math, teacher notes or markup. */
export function readableText(markdown: string): string {
	const text = withoutCode(body(markdown))
		.replace(NOTES, ' ')
		.replace(DISPLAY_MATH, ' ')
		.split('\n')
		.map((line) => line.replace(HEADING_ID, '').replace(/^\s*(#{1,6}|>|[-*+]|\d+\.|\|)\s*/, ''))
		.join('\n')
		.replace(/\|/g, ' ')
		.replace(/^-{3,}\s*$/gm, ' ');
	return plainText(text);
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
