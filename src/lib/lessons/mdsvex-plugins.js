// Remark and rehype plugins for the lessons in content/<lang>/*.md, loaded by svelte.config.js
// (plain JS: Node reads that config without a TypeScript loader).
import { LAZY_WIDGET } from './lazy-widgets.js';
import { countReadingUnits } from './reading-time.js';
import { addScriptImport } from '../present/rehype-slides.js';

/** `## Title {#id}`: an explicit, language-neutral id, so links keep their anchor across languages. */
const HEADING_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

/** @typedef {{ type: string, tagName?: string, value?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode */

/** @param {HastNode} node @param {(node: HastNode) => void} visit */
function walk(node, visit) {
	visit(node);
	for (const child of node.children ?? []) walk(child, visit);
}

/**
 * Moves each h2/h3's trailing `{#id}` into its id attribute. A section heading without one fails the
 * build: the table of contents, the slides and the language switcher all rely on stable ids.
 */
export function rehypeHeadingIds() {
	/** @param {HastNode} tree @param {{ filename?: string }} file */
	return (tree, file) => {
		walk(tree, (node) => {
			if (node.type !== 'element' || (node.tagName !== 'h2' && node.tagName !== 'h3')) return;
			const last = [...(node.children ?? [])].reverse().find((child) => child.type === 'text');
			const match = last?.value?.match(HEADING_ID);
			if (!last || !match) {
				throw new Error(
					`${file?.filename ?? 'lesson'}: every ## and ### heading needs an id, e.g. "## Title {#my-id}"`
				);
			}
			last.value = (last.value ?? '').replace(HEADING_ID, '');
			node.properties = { ...node.properties, id: match[1] };
		});
	};
}

/** A tag in raw markup, opening (`<Notes>`), closing (`</Notes>`) or self-closing (`<Cell />`). */
const TAG = /<(\/?)([A-Za-z][\w.]*)\b[^>]*?(\/?)>/g;
/** `<Name … id="…"`: a component given an id. */
const ID_ATTRIBUTE = /<([A-Z][A-Za-z0-9]*)\b[^>]*?\bid="([^"]+)"/g;
/** A component given `controls` (the reader sets its numbers). */
const CONTROLS = /<[A-Z][A-Za-z0-9]*\b[^<>]*\bcontrols\b/;

/** @param {HastNode} node */
function isMath(node) {
	const classes = node.properties?.className;
	return Array.isArray(classes) && classes.includes('math');
}

/** mdsvex escapes these in inline code before rehype (so Svelte reads no tag or expression there). */
const CODE_ENTITIES = { '&lt;': '<', '&gt;': '>', '&#123;': '{', '&#125;': '}' };

/** @param {string} text */
function unescapeCode(text) {
	return text.replace(
		/&lt;|&gt;|&#123;|&#125;/g,
		(entity) => CODE_ENTITIES[/** @type {keyof typeof CODE_ENTITIES} */ (entity)]
	);
}

/** @param {HastNode} node @returns {string} the text a reader sees: math and markup left out */
function textOf(node) {
	if (node.type === 'text') return unescapeCode(node.value ?? '');
	if (node.type !== 'element' || isMath(node)) return '';
	return (node.children ?? []).map(textOf).join('');
}

/**
 * What the site needs to know of a lesson without rendering it, read from the tree it is rendered
 * from (after rehypeHeadingIds), and exported by the compiled lesson as `facts` (facts.ts):
 * - `toc`: its ## and ### headings (id, text, depth);
 * - `components`: the components it uses, sorted;
 * - `ids`: for each component given ids, the ids in order of appearance, repeats kept
 *   (`ids.Equation`, `ids.Cite`, `ids.Term`, `ids.Cell`…);
 * - `controls`: whether a component is given `controls`;
 * - `reading`: the words (and Chinese and Korean characters) a student reads: code, math, markup
 *   and teacher notes left out; `prose`: the same without the key points (the slides' text).
 * A code block reaches this tree as escaped markup, so a tag shown as code counts as no component.
 * Only the server reads them: the browser's copy of the lesson holds `undefined` (`browser` is a
 * constant there, so the bundler drops the rest; not `import.meta.env.SSR`, whose mere mention makes
 * Svelte compile the lesson with a component context it does not need). Tests read
 * `file.data.facts`.
 */
export function rehypeLessonFacts() {
	/** @param {HastNode} tree @param {{ data: Record<string, unknown> }} file */
	return (tree, file) => {
		/** @type {import('./facts').TocEntry[]} */
		const toc = [];
		/** @type {Set<string>} */
		const components = new Set();
		/** @type {Record<string, string[]>} */
		const ids = {};
		let controls = false;
		/** @type {string[]} */
		const read = [];
		/** @type {string[]} */
		const prose = [];
		// Open <Notes> and <Points> around the current node, in document order.
		let notes = 0;
		let points = 0;
		/** @param {string} text */
		const say = (text) => {
			if (notes > 0) return;
			read.push(text);
			if (points === 0) prose.push(text);
		};
		/** @param {string} markup */
		const readRaw = (markup) => {
			for (const [, name = '', id = ''] of markup.matchAll(ID_ATTRIBUTE)) {
				(ids[name] ??= []).push(id);
			}
			if (CONTROLS.test(markup)) controls = true;
			let from = 0;
			for (const tag of markup.matchAll(TAG)) {
				say(markup.slice(from, tag.index));
				from = tag.index + tag[0].length;
				const [, closing, name = '', selfClosing] = tag;
				if (/^[A-Z]/.test(name)) components.add(name);
				if (selfClosing) continue;
				const step = closing ? -1 : 1;
				if (name === 'Notes') notes = Math.max(0, notes + step);
				if (name === 'Points') points = Math.max(0, points + step);
			}
			say(markup.slice(from));
		};
		/** @param {HastNode} node */
		const visit = (node) => {
			// mdsvex passes a code block on as raw `<pre>{@html …}</pre>`: code, not prose or markup.
			if (node.type === 'raw' && /^\s*<pre\b/.test(node.value ?? '')) return;
			if (node.type === 'raw') return readRaw(node.value ?? '');
			if (node.type === 'text') return say(unescapeCode(node.value ?? ''));
			if (node.type !== 'element' && node.type !== 'root') return;
			if (isMath(node)) return;
			if (node.tagName === 'h2' || node.tagName === 'h3') {
				toc.push({
					id: String(node.properties?.id ?? ''),
					text: textOf(node).replace(/\s+/g, ' ').trim(),
					depth: node.tagName === 'h2' ? 2 : 3
				});
			}
			for (const child of node.children ?? []) visit(child);
		};
		visit(tree);
		/** @type {import('./facts').LessonFacts} */
		const facts = {
			toc,
			components: [...components].sort(),
			ids,
			controls,
			reading: countReadingUnits(read.join(' ')),
			prose: countReadingUnits(prose.join(' '))
		};
		file.data.facts = facts;
		// mdsvex adds its `metadata` export to this module script. `<` escaped: no text in it can
		// end the script.
		const literal = JSON.stringify(facts).replace(/</g, '\\u003c');
		tree.children = [
			{
				type: 'raw',
				value:
					'<script context="module">\n' +
					"\timport { browser } from '$app/environment';\n" +
					`\texport const facts = browser ? undefined : ${literal};\n</script>`
			},
			...(tree.children ?? [])
		];
	};
}

/** @typedef {{ type: string, value?: string, position?: { start: { line: number } }, children?: MdastNode[] }} MdastNode */

/** Markdown containers whose children are blocks: a tag there starts a paragraph or list item. */
const BLOCK_PARENTS = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition']);

/** The first tag of raw markup when it is a component (`<Term`, `</Notes`), and what follows it. */
const LEADING_COMPONENT =
	/^\s*<\/?([A-Z][\w.]*)(?:\s+(?:[^>{"']|"[^"]*"|'[^']*'|\{[^}]*\})*)?\/?>([\s\S]*)$/;

/**
 * Fails the build when a paragraph or list item starts with a component tag followed by more text
 * on the same block, e.g. `<Term id="x">Padding</Term> adds a border of **zeros**`. Markdown reads
 * such a block as raw HTML, so mdsvex passes it through untouched: its math, bold and links are not
 * rendered, and it is not even wrapped in a paragraph. A block component alone on its lines
 * (`<Notes>`, `<Equation id="…">`, `<Cell id="…" />`) is fine.
 */
export function remarkComponentParagraphs() {
	/** @param {MdastNode} tree @param {{ filename?: string }} file */
	return (tree, file) => {
		/** @type {string[]} */
		const problems = [];
		/** @param {MdastNode} node */
		const visit = (node) => {
			for (const child of node.children ?? []) {
				if (child.type === 'html' && BLOCK_PARENTS.has(node.type)) {
					const match = LEADING_COMPONENT.exec(child.value ?? '');
					// Text after the tag, other tags aside: `<Notes></Notes>` alone is still a block.
					const rest = match?.[2]?.replace(/<[^>]*>/g, '').trim() ?? '';
					if (match && rest !== '') {
						const line = child.position?.start.line ?? '?';
						problems.push(
							`${file?.filename ?? 'lesson'}:${line}: a paragraph or list item starts with <${match[1]}>, ` +
								'so Markdown passes the whole block through as raw HTML and the math and formatting in it ' +
								`are not rendered. Start the sentence with a word before the tag, or put a block component on lines of its own: "${excerpt(child.value ?? '')}"`
						);
					}
				}
				visit(child);
			}
		};
		visit(tree);
		if (problems.length > 0) throw new Error(problems.join('\n'));
	};
}

/** @param {string} text */
function excerpt(text) {
	const line = text.trim().split('\n')[0] ?? '';
	return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

/** Capitalised tags in the raw HTML of a lesson: the components it uses. */
const COMPONENT_TAG = /<([A-Z][A-Za-z0-9]*)\b/g;

/** A block of its own holding one self-closing component tag (no `<` inside its attributes). */
const LONE_COMPONENT = /^\s*<([A-Z][A-Za-z0-9]*)\b([^<]*)\/>\s*$/;
const ISLAND_IMPORT = '$lib/components/island/widget-island';

/**
 * A self-closing tag's attributes as the source of a props object: `a="text"` → `"a": "text"`,
 * `a={expression}` → `"a": (expression)`, a bare `a` → `"a": true`. A quoted value holding an
 * expression or an entity, a spread or anything else unexpected fails: the island's props must be
 * exactly what the tag says.
 * @param {string} attributes the tag's text between its name and `/>`
 * @param {string} where for the error
 */
export function propsSource(attributes, where) {
	/** @type {string[]} */
	const props = [];
	let i = 0;
	const fail = (/** @type {string} */ why) => {
		throw new Error(`${where}: ${why} in "${attributes.trim()}"`);
	};
	while (i < attributes.length) {
		if (/\s/.test(attributes[i] ?? '')) {
			i++;
			continue;
		}
		const name = /^[A-Za-z_][\w-]*/.exec(attributes.slice(i))?.[0];
		if (!name) fail('an attribute that is not name, name="text" or name={expression}');
		i += /** @type {string} */ (name).length;
		const key = JSON.stringify(name);
		if (attributes[i] !== '=') {
			props.push(`${key}: true`);
			continue;
		}
		i++;
		const open = attributes[i];
		if (open === '"' || open === "'") {
			const end = attributes.indexOf(open, i + 1);
			if (end < 0) fail('an unclosed quote');
			const text = attributes.slice(i + 1, end);
			if (/[{&]/.test(text)) fail('a quoted value with an expression or an entity');
			props.push(`${key}: ${JSON.stringify(text)}`);
			i = end + 1;
		} else if (open === '{') {
			let depth = 0;
			let end = i;
			/** @type {string | undefined} */
			let quote;
			for (; end < attributes.length; end++) {
				const c = attributes[end];
				if (quote) {
					if (c === '\\') end++;
					else if (c === quote) quote = undefined;
				} else if (c === '"' || c === "'" || c === '`') quote = c;
				else if (c === '{') depth++;
				else if (c === '}' && --depth === 0) break;
			}
			if (depth !== 0) fail('an unclosed expression');
			props.push(`${key}: (${attributes.slice(i + 1, end)})`);
			i = end + 1;
		} else {
			fail('an unquoted value');
		}
	}
	return props.length > 0 ? `{ ${props.join(', ')} }` : '{}';
}

/**
 * Imports every known component a lesson uses, so lesson files hold prose and tags only: no
 * script block to copy or break when translating. A lesson with its own <script> fails the build.
 * Each widget named in `islands` becomes a <WidgetIsland> (src/lib/components/island): prerendered in
 * full, then hydrated on its own when the reader comes near it, its code loaded with it
 * (lazy-widgets.js). The island carries the widget's name and props, which is all a reading page
 * needs to hydrate it without the lesson's code. A widget must stand alone in its block.
 * @param {{ components: Record<string, string>, islands?: string[] }} options
 */
export function rehypeLessonImports({ components, islands = [] }) {
	/** @param {HastNode} tree @param {{ filename?: string }} file */
	return (tree, file) => {
		const where = file?.filename ?? 'lesson';
		/** @type {Set<string>} */
		const used = new Set();
		/** @type {Map<string, number>} how often each widget is used */
		const widgets = new Map();
		walk(tree, (node) => {
			if (node.type !== 'raw' || !node.value) return;
			if (/^\s*<script(?![^>]*context=)/.test(node.value)) {
				throw new Error(
					`${where}: lessons hold no <script>; components are imported automatically`
				);
			}
			for (const [, name] of node.value.matchAll(COMPONENT_TAG)) {
				if (!name || !(name in components)) continue;
				used.add(name);
				if (islands.includes(name)) widgets.set(name, (widgets.get(name) ?? 0) + 1);
			}
		});
		// Top-level blocks only: inside a paragraph the island's div would be invalid HTML.
		for (const node of tree.children ?? []) {
			const lone = node.type === 'raw' ? LONE_COMPONENT.exec(node.value ?? '') : null;
			const name = lone?.[1];
			if (!lone || !name || !widgets.has(name)) continue;
			widgets.set(name, (widgets.get(name) ?? 0) - 1);
			const props = propsSource(lone[2] ?? '', `${where}: <${name}>`);
			node.value = `<WidgetIsland name="${name}" widget={${name}} props={${props}} />`;
		}
		for (const [name, left] of widgets) {
			if (left > 0) {
				throw new Error(
					`${where}: <${name}> is an interactive widget: it stands alone in its block, a self-closing tag on lines of its own at the top level`
				);
			}
		}
		if (used.size === 0) return;
		const imports = [
			...[...used]
				.sort()
				.map(
					(name) =>
						`\timport ${name} from '${widgets.has(name) ? LAZY_WIDGET : ''}${components[name]}';`
				),
			...(widgets.size > 0 ? [`\timport WidgetIsland from '${ISLAND_IMPORT}';`] : [])
		].join('\n');
		tree.children = [
			{ type: 'raw', value: `<script>\n${imports}\n</script>` },
			...(tree.children ?? [])
		];
	};
}

const SLIDE_IMPORT = '$lib/components/present/Slide.svelte';

/**
 * Turns each slide section (rehype-slides, which must run first) into a <Slide>: the same section,
 * which tells its content its number (speaker notes register with their slide).
 */
export function rehypeSlideSections() {
	/** @param {HastNode} tree */
	return (tree) => {
		let slides = 0;
		tree.children = (tree.children ?? []).flatMap((node) => {
			const classes = node.properties?.className;
			if (node.tagName !== 'section' || !Array.isArray(classes) || !classes.includes('slide')) {
				return [node];
			}
			slides++;
			const index = Number(node.properties?.dataSlide);
			const start = String(node.properties?.dataBreak);
			return [
				{ type: 'raw', value: `<Slide index={${index}} start="${start}">` },
				...(node.children ?? []),
				{ type: 'raw', value: '</Slide>' }
			];
		});
		if (slides > 0) addScriptImport(tree, `\timport Slide from '${SLIDE_IMPORT}';`);
	};
}
