import { describe, expect, it } from 'vitest';
import {
	lessonsOf,
	neighbours,
	parseContentPath,
	parseLessonMeta,
	type LessonEntry
} from '$lib/lessons/registry';

const lesson = (lang: string, slug: string, order: number): LessonEntry => ({
	lang,
	slug,
	order,
	title: slug,
	summary: 's'
});

describe('lesson registry', () => {
	it('reads language and slug from a content path, and nothing else', () => {
		expect(parseContentPath('/content/en/why-mobilenet.md')).toEqual({
			lang: 'en',
			slug: 'why-mobilenet'
		});
		expect(parseContentPath('/content/zh/mobilenet-v2.md')).toEqual({
			lang: 'zh',
			slug: 'mobilenet-v2'
		});
		expect(parseContentPath('/content/en/glossary.json')).toBeNull();
		expect(parseContentPath('/content/en/sub/x.md')).toBeNull();
		expect(parseContentPath('/content/en/Bad_Name.md')).toBeNull();
	});

	it('validates frontmatter and names what is missing', () => {
		expect(parseLessonMeta({ title: 'T', order: 2, summary: 'S' }, 'f')).toEqual({
			title: 'T',
			order: 2,
			summary: 'S'
		});
		expect(() => parseLessonMeta({ order: 1, summary: 'S' }, 'x.md')).toThrow(/x.md.*title/);
		expect(() => parseLessonMeta({ title: 'T', order: 1.5, summary: 'S' }, 'f')).toThrow(/order/);
		expect(() => parseLessonMeta({ title: 'T', order: 0, summary: 'S' }, 'f')).toThrow(/order/);
		expect(() => parseLessonMeta({ title: 'T', order: 1, summary: ' ' }, 'f')).toThrow(/summary/);
		expect(() => parseLessonMeta(undefined, 'f')).toThrow(/title/);
	});

	it('orders one language and rejects two lessons with the same order', () => {
		const all = [
			lesson('en', 'c', 3),
			lesson('en', 'a', 1),
			lesson('ru', 'a', 1),
			lesson('en', 'b', 2)
		];
		expect(lessonsOf(all, 'en').map((l) => l.slug)).toEqual(['a', 'b', 'c']);
		expect(lessonsOf(all, 'ru').map((l) => l.slug)).toEqual(['a']);
		expect(lessonsOf(all, 'ko')).toEqual([]);
		expect(() => lessonsOf([lesson('en', 'a', 1), lesson('en', 'b', 1)], 'en')).toThrow(
			/share order 1/
		);
	});

	it('finds previous and next, with none past either end', () => {
		const ordered = [lesson('en', 'a', 1), lesson('en', 'b', 2), lesson('en', 'c', 3)];
		expect(neighbours(ordered, 'a')).toEqual({ previous: null, next: ordered[1] });
		expect(neighbours(ordered, 'b')).toEqual({ previous: ordered[0], next: ordered[2] });
		expect(neighbours(ordered, 'c')).toEqual({ previous: ordered[1], next: null });
		expect(neighbours(ordered, 'zzz')).toEqual({ previous: null, next: null });
	});
});
