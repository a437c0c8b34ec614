/**
 * Checks on the lesson sources themselves: the conventions the build and the components rely on,
 * and the course's own rules (every term in the glossary, a widget and an equation per lesson).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGlossary, firstAppearances } from '$lib/lessons/glossary';
import { parseReferences } from '$lib/lessons/references';
import { idsOf } from '$lib/lessons/facts';
import { citationsInsideFigures } from '$lib/lessons/source';
import { frontmatter, LANGUAGES, compiledFacts, lessonSource, slugsOf } from './helpers';

/** Components that are interactive or live-computed: each lesson needs one. */
const WIDGETS = [
	'CostCalculator',
	'ShareTable',
	'ArchitectureTable',
	'AccuracyChart',
	'ComparisonTable',
	'NetworkExplorer',
	'ModelSizeChart',
	'MultiplierTable',
	'ConvolutionAnimation',
	'InvertedResidualBlock',
	'SqueezeExciteBlock',
	'ActivationPlot',
	'Roofline',
	'LiveLatency',
	'LiveQuantization',
	'LiveWeights'
];

/** How often each of `ids` occurs. */
function counts(ids: readonly string[] = []): Map<string, number> {
	const found = new Map<string, number>();
	for (const id of ids) found.set(id, (found.get(id) ?? 0) + 1);
	return found;
}

const references = parseReferences(
	JSON.parse(readFileSync('content/references.json', 'utf8')),
	'references.json'
);

for (const lang of LANGUAGES) {
	const slugs = slugsOf(lang);
	if (slugs.length === 0) continue;

	describe(`content/${lang}`, () => {
		// A language without its own glossary yet is served the English one (as the site does).
		const glossaryFile = existsSync(`content/${lang}/glossary.json`)
			? `content/${lang}/glossary.json`
			: 'content/en/glossary.json';
		const glossary = parseGlossary(JSON.parse(readFileSync(glossaryFile, 'utf8')), glossaryFile);
		const glossaryIds = new Set(glossary.map((entry) => entry.id));

		it('gives each lesson the order of its English original (English: 1…n)', () => {
			const orderOf = (l: string, slug: string) => frontmatter(lessonSource(l, slug)).order;
			if (lang === 'en') {
				const orders = slugs.map((slug) => orderOf('en', slug)).sort((a, b) => a - b);
				expect(orders).toEqual(slugs.map((_, i) => i + 1));
			}
			for (const slug of slugs) {
				expect(existsSync(`content/en/${slug}.md`), `${slug} exists in English`).toBe(true);
				expect(orderOf(lang, slug), slug).toBe(orderOf('en', slug));
			}
		});

		for (const slug of slugs) {
			it(`${slug}: frontmatter, an equation, a widget, known terms and references`, () => {
				const source = lessonSource(lang, slug);
				const fm = frontmatter(source, `${lang}/${slug}`);
				expect(fm.title).toBeTruthy();
				expect(fm.summary).toBeTruthy();
				expect(source).not.toMatch(/^# /m);
				const facts = compiledFacts(lang, slug);
				expect(idsOf(facts, 'Equation').length).toBeGreaterThan(0);
				expect(facts.components.some((name) => WIDGETS.includes(name))).toBe(true);
				for (const [id, count] of counts(facts.ids.Term)) {
					expect(glossaryIds.has(id), `${id} is in the glossary`).toBe(true);
					expect(count, `${id} is marked once`).toBe(1);
				}
				for (const [id, count] of counts(facts.ids.Equation)) {
					expect(count, `equation ${id} is defined once`).toBe(1);
				}
				for (const id of idsOf(facts, 'EqRef')) expect(idsOf(facts, 'Equation')).toContain(id);
				for (const id of idsOf(facts, 'Cite')) expect(references.has(id), id).toBe(true);
				expect(idsOf(facts, 'Cite').length).toBeGreaterThan(0);
			});
		}

		it('puts citations at the end of a clause, never between a figure and its unit or qualifier', () => {
			const misplaced = slugs.flatMap((slug) =>
				citationsInsideFigures(lessonSource(lang, slug)).map(
					(c) => `${slug}.md:${c.line}: ${c.text}`
				)
			);
			expect(misplaced).toEqual([]);
		});

		it.runIf(lang === 'en')('uses every glossary term in some lesson', () => {
			const first = firstAppearances(
				slugs.map((slug) => ({ slug, terms: idsOf(compiledFacts(lang, slug), 'Term') }))
			);
			expect(glossary.filter((entry) => !first.has(entry.id)).map((e) => e.id)).toEqual([]);
		});
	});
}

describe('English lessons', () => {
	// The key points restate the prose a few lines each (the slides' text): not counted as prose.
	it('are each 800–2000 words of prose', () => {
		for (const slug of slugsOf('en')) {
			const { words } = compiledFacts('en', slug).prose;
			expect(words, slug).toBeGreaterThanOrEqual(800);
			expect(words, slug).toBeLessThanOrEqual(2000);
		}
	});
});
