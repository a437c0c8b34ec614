/**
 * A lesson's facts (src/lib/lessons/facts.ts) as the site reads them: the lesson compiled by the
 * same mdsvex pipeline as the build (svelte.config.js), and the facts rehypeLessonFacts read. For
 * tests that check what the site will show of the lesson files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import config from '../svelte.config.js';
import { parseLessonFacts, type LessonFacts } from '../src/lib/lessons/facts';

type Markup = (input: {
	content: string;
	filename: string;
}) => Promise<{ data?: { facts?: unknown } } | undefined>;

const preprocessors = [config.preprocess ?? []].flat() as Array<{ name?: string; markup?: Markup }>;
const markup = preprocessors.find((p) => p.name === 'mdsvex')?.markup;

/** The facts of Markdown `source`, compiled as if it were the file `filename`. */
export async function factsOf(source: string, filename = 'lesson.md'): Promise<LessonFacts> {
	if (!markup) throw new Error('svelte.config.js has no mdsvex preprocessor');
	const compiled = await markup({ content: source, filename: resolve(filename) });
	return parseLessonFacts(compiled?.data?.facts, filename);
}

const compiled = new Map<string, Promise<LessonFacts>>();

/** The facts of content/<lang>/<slug>.md (compiled once per process). */
export function lessonFacts(lang: string, slug: string): Promise<LessonFacts> {
	const path = `content/${lang}/${slug}.md`;
	let facts = compiled.get(path);
	if (!facts) {
		facts = factsOf(readFileSync(path, 'utf8'), path);
		compiled.set(path, facts);
	}
	return facts;
}

/** The facts of every lesson in content/, by "<lang>/<slug>": or, for one that fails, its error. */
export async function allLessonFacts(): Promise<Record<string, LessonFacts | { error: string }>> {
	const paths = readdirSync('content', { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((dir) =>
			readdirSync(`content/${dir.name}`)
				.filter((file) => file.endsWith('.md'))
				.map((file) => `${dir.name}/${file.slice(0, -3)}`)
		);
	// One lesson that does not compile fails its own tests, not the whole run.
	const facts = await Promise.all(
		paths.map((path) => {
			const [lang = '', slug = ''] = path.split('/');
			return lessonFacts(lang, slug).catch((error: unknown) => ({
				error: error instanceof Error ? error.message : String(error)
			}));
		})
	);
	return Object.fromEntries(paths.map((path, i) => [path, facts[i]!]));
}
