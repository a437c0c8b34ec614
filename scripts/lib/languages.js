import { readFileSync } from 'node:fs';

/**
 * The site's languages, in the order the switcher shows them. The one list is Paraglide's
 * settings (project.inlang/settings.json); the site reads it through Paraglide's runtime
 * (`locales`), and build configuration and tests, which run outside SvelteKit, read it here.
 * @type {readonly ('en' | 'ru' | 'zh' | 'ko')[]}
 */
export const languages = JSON.parse(
	readFileSync(new URL('../../project.inlang/settings.json', import.meta.url), 'utf8')
).locales;
