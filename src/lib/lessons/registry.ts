/**
 * The lesson registry: which lessons exist in which language, in what order, and their
 * neighbours. Pure: it works on paths and frontmatter handed to it (see content.server.ts).
 */

export interface LessonMeta {
	title: string;
	/** Position in the course, 1-based; the same in every language. */
	order: number;
	summary: string;
}

export interface LessonEntry extends LessonMeta {
	lang: string;
	slug: string;
}

const CONTENT_PATH = /^\/content\/([a-z]{2,3})\/([a-z0-9][a-z0-9-]*)\.md$/;

/** '/content/en/why-mobilenet.md' → { lang: 'en', slug: 'why-mobilenet' }, or null for other files. */
export function parseContentPath(path: string): { lang: string; slug: string } | null {
	const match = CONTENT_PATH.exec(path);
	return match?.[1] && match[2] ? { lang: match[1], slug: match[2] } : null;
}

/** Validates a lesson's frontmatter, naming the file and the field when something is missing. */
export function parseLessonMeta(raw: unknown, where: string): LessonMeta {
	const fm = (raw ?? {}) as Record<string, unknown>;
	const { title, order, summary } = fm;
	if (typeof title !== 'string' || title.trim() === '') {
		throw new Error(`${where}: frontmatter needs a title`);
	}
	if (typeof order !== 'number' || !Number.isInteger(order) || order < 1) {
		throw new Error(`${where}: frontmatter needs an integer order ≥ 1`);
	}
	if (typeof summary !== 'string' || summary.trim() === '') {
		throw new Error(`${where}: frontmatter needs a summary`);
	}
	return { title, order, summary };
}

/** The lessons of one language in course order; two lessons sharing an order is an error. */
export function lessonsOf<T extends LessonEntry>(all: readonly T[], lang: string): T[] {
	const lessons = all.filter((lesson) => lesson.lang === lang).sort((a, b) => a.order - b.order);
	lessons.forEach((lesson, i) => {
		const next = lessons[i + 1];
		if (next && next.order === lesson.order) {
			throw new Error(
				`${lang}: lessons ${lesson.slug} and ${next.slug} share order ${lesson.order}`
			);
		}
	});
	return lessons;
}

/** The lessons before and after `slug` in an ordered list (null at either end). */
export function neighbours<T extends { slug: string }>(
	ordered: readonly T[],
	slug: string
): { previous: T | null; next: T | null } {
	const index = ordered.findIndex((lesson) => lesson.slug === slug);
	if (index === -1) return { previous: null, next: null };
	return { previous: ordered[index - 1] ?? null, next: ordered[index + 1] ?? null };
}
