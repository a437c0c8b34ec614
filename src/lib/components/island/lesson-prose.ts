import type { Component } from 'svelte';
import LessonProseClient from './LessonProseClient.svelte';
import LessonProseServer from './LessonProseServer.svelte';

/**
 * A lesson on its reading page. The first page a visitor opens shows the prerendered lesson as
 * static HTML that never hydrates: the lesson's code is not even loaded (`Lesson` is undefined,
 * see +page.ts), and only its interactive widgets hydrate, each an island of its own (prose.ts).
 * After a client-side navigation there is nothing prerendered to adopt, and `Lesson` is mounted.
 * As with Island, the server's markup (the lesson) and the browser's (an empty div that adopts it)
 * differ, so each side has its own component.
 */
const LessonProse: Component<{ Lesson?: Component }> = import.meta.env.SSR
	? LessonProseServer
	: LessonProseClient;

export default LessonProse;
