/**
 * Every translation cuts a lesson into the same slides as the English one, with speaker notes in
 * the same places: a teacher switching language in the middle of a deck stays on the same slide.
 * Fails until the translations mirror the English slide breaks: that is its job.
 */
import { describe, expect, it } from 'vitest';
import { body } from '$lib/lessons/source';
import { LANGUAGES, lessonSource, slugsOf } from './helpers';

/**
 * What starts slides and what holds notes, in order: `## id` for a section (rehype-slides starts a
 * slide at every `##`), `---` for a break inside one, `notes` for each <Notes> block. Code fences
 * are skipped, so a `---` inside code does not count.
 */
export function slideOutline(markdown: string): string[] {
	const outline: string[] = [];
	let fenced = false;
	for (const line of body(markdown).split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (fenced) continue;
		const heading = /^##\s.*\{#([a-z0-9-]+)\}\s*$/.exec(line);
		if (heading) outline.push(`## ${heading[1]}`);
		else if (/^-{3,}\s*$/.test(line)) outline.push('---');
		else if (/^\s*<Notes>/.test(line)) outline.push('notes');
		else if (/^\s*<Points>/.test(line)) outline.push('points');
	}
	return outline;
}

/**
 * The first line of each slide that has any content (the text before the first heading, then every
 * `##` section and `---` chunk), outside code fences.
 */
export function slideOpenings(markdown: string): string[] {
	const openings: string[] = [];
	let fenced = false;
	let waiting = true;
	for (const line of body(markdown).split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (!fenced && (/^##\s/.test(line) || /^-{3,}\s*$/.test(line))) {
			waiting = true;
			continue;
		}
		if (waiting && line.trim() !== '') {
			openings.push(line.trim());
			waiting = false;
		}
	}
	return openings;
}

const english = slugsOf('en');

describe('slide parity', () => {
	it('reads an outline of slide starts and notes', () => {
		const source = [
			'---',
			'title: x',
			'---',
			'',
			'## One {#one}',
			'',
			'<Notes>',
			'',
			'Say this.',
			'',
			'</Notes>',
			'',
			'---',
			'',
			'```js',
			'---',
			'```',
			'',
			'### Sub {#sub}',
			'',
			'## Two {#two}',
			''
		].join('\n');
		expect(slideOutline(source)).toEqual(['## one', 'notes', '---', '## two']);
		expect(slideOpenings(source)).toEqual(['<Notes>', '```js']);
	});

	// rehype-slides sorts a slide's blocks into what it projects and what becomes speaker notes by
	// each block's first node: a block component's closing tag followed by the next block without a
	// blank line would merge the two into one raw block, and a widget could vanish from its slide.
	for (const lang of LANGUAGES) {
		it(`every ${lang} block component is followed by a blank line`, () => {
			for (const slug of slugsOf(lang)) {
				const glued = [
					...lessonSource(lang, slug).matchAll(
						/<\/(Points|Notes|Callout|Erratum|Equation)>\n(?!\n|$)(.*)/g
					)
				].map((match) => `</${match[1]}> then "${match[2]}"`);
				expect(glued, `${lang}/${slug}`).toEqual([]);
			}
		});
	}

	// The slide layer (Points.svelte): a slide projects its key points, so every slide has them.
	for (const lang of LANGUAGES) {
		it(`every ${lang} slide opens with its key points`, () => {
			for (const slug of slugsOf(lang)) {
				const missing = slideOpenings(lessonSource(lang, slug))
					.map((line, slide) => ({ line, slide }))
					.filter(({ line }) => line !== '<Points>');
				expect(missing, `${lang}/${slug}`).toEqual([]);
			}
		});
	}

	for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
		describe(lang, () => {
			for (const slug of english) {
				it(`${slug} has the English slide breaks, key points and notes`, () => {
					expect(slideOutline(lessonSource(lang, slug))).toEqual(
						slideOutline(lessonSource('en', slug))
					);
				});
			}
		});
	}
});
