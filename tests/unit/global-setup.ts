import type { TestProject } from 'vitest/node';
import type { LessonFacts } from '../../src/lib/lessons/facts';
import { allLessonFacts } from '../lesson-facts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Every lesson's facts (or its compile error), by "<lang>/<slug>" (tests/unit/lessons/helpers.ts). */
		lessonFacts: Record<string, LessonFacts | { error: string }>;
	}
}

// The lessons are compiled once, here, for every test file that reads their facts: each file
// compiling them itself cost the unit tests about 20 s beside the build.
export default async function setup(project: TestProject) {
	project.provide('lessonFacts', await allLessonFacts());
}
