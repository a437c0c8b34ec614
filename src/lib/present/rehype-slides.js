// Groups a lesson's top-level nodes into <section class="slide" data-slide="N"> elements, so one
// prerendered lesson component serves both reading (sections in normal flow) and presenting (one
// section at a time). A slide starts at every top-level <h2> and at every thematic break (<hr>); the
// first slide is whatever comes before the first of them. The <hr> stays, as the first child of its
// slide, so the reading page still shows the break; the slides hide it. A slide that starts at a
// break with no heading of its own gets its section's title after the <hr>, `hidden` (the slides
// show it; the reading page, which has the heading just above, does not).
// A slide that opens with a <Points> block projects only its title, its points and its visuals
// (display math, figures, tables, code, widgets): each run of prose around them (paragraphs, lists,
// callouts, errata, subheadings) is wrapped in <SlideProse>, which the reading page shows in place and the deck
// hands to the presenter as the slide's speaker notes. The rule is mechanical, so slide and page
// cannot drift: the points are the page's "Key points" box, the notes are the page's prose.
// Plain JavaScript with JSDoc because svelte.config.js imports it before any TypeScript runs.

/**
 * The part of a hast / mdsvex node this plugin reads. mdsvex adds `raw` nodes (Svelte markup,
 * components, script and style blocks) that the hast types do not describe.
 * @typedef {object} SlideNode
 * @property {string} type
 * @property {string} [tagName]
 * @property {string} [value]
 * @property {SlideNode[]} [children]
 * @property {Record<string, unknown>} [properties]
 */

/**
 * @typedef {'start' | 'heading' | 'rule'} SlideBreak
 * How a slide began: the lesson's start, a `##` heading, or a `---` thematic break.
 */

/**
 * @typedef {object} SlideGroup
 * @property {SlideBreak} start
 * @property {SlideNode[]} nodes
 */

/** Svelte requires these at the top level of a component; they must never end up inside a section. */
const TOP_LEVEL_ONLY = /^\s*<(script|style|svelte:(head|window|body|document|options))[\s>/]/;

const VOID_ELEMENTS = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr'
]);

// A block keyword is always followed by a space, so a heading id such as {#key-idea} is no block.
const BLOCK_OPEN = /\{#(if|each|await|key|snippet)\s/g;
const BLOCK_CLOSE = /\{\/(if|each|await|key|snippet)\s*\}/g;

/**
 * Net Svelte blocks ({#if} … {/if}) opened by a piece of text.
 * @param {string} text
 */
function blockDepth(text) {
	return (text.match(BLOCK_OPEN)?.length ?? 0) - (text.match(BLOCK_CLOSE)?.length ?? 0);
}

/**
 * Net elements and components opened by raw markup: `<Notes>` opens, `</Notes>` closes,
 * `<Widget />` and void elements do neither. Attribute values and `{expressions}` are skipped,
 * so `x={a > b}` does not end a tag early.
 * @param {string} markup
 */
export function tagDepth(markup) {
	let depth = 0;
	let i = 0;
	while (i < markup.length) {
		const lt = markup.indexOf('<', i);
		if (lt === -1) break;
		if (markup.startsWith('<!--', lt)) {
			const end = markup.indexOf('-->', lt + 4);
			i = end === -1 ? markup.length : end + 3;
			continue;
		}
		const closing = markup[lt + 1] === '/';
		const nameMatch = /^[A-Za-z][\w.:-]*/.exec(markup.slice(lt + (closing ? 2 : 1)));
		if (!nameMatch) {
			i = lt + 1;
			continue;
		}
		const name = nameMatch[0];
		let j = lt + (closing ? 2 : 1) + name.length;
		let braces = 0;
		/** @type {string | null} */
		let quote = null;
		for (; j < markup.length; j++) {
			const c = markup[j];
			if (quote) {
				if (c === quote) quote = null;
			} else if (braces > 0) {
				if (c === '{') braces++;
				else if (c === '}') braces--;
			} else if (c === '"' || c === "'") quote = c;
			else if (c === '{') braces++;
			else if (c === '>') break;
		}
		const selfClosing = markup[j - 1] === '/';
		if (closing) depth--;
		else if (!selfClosing && !VOID_ELEMENTS.has(name.toLowerCase())) depth++;
		i = j + 1;
	}
	return depth;
}

/**
 * How many Svelte blocks and elements a top-level node leaves open (negative: closes).
 * Text inside code is escaped by mdsvex and never counts.
 * @param {SlideNode} node
 * @returns {number}
 */
export function openDepth(node) {
	if (node.type === 'raw') return tagDepth(node.value ?? '') + blockDepth(node.value ?? '');
	if (node.type === 'text') return blockDepth(node.value ?? '');
	if (node.type === 'element' && node.tagName !== 'code' && node.tagName !== 'pre') {
		return (node.children ?? []).reduce((sum, child) => sum + openDepth(child), 0);
	}
	return 0;
}

const ANNOTATION = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/;
const ENTITIES = /** @type {Record<string, string>} */ ({
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&#x27;': "'"
});

/**
 * The TeX source of a math node: rehype-katex-svelte has replaced it with `{@html "<katex html>"}`,
 * whose MathML annotation keeps the source. Before KaTeX runs, the node's text is the source.
 * @param {string} text
 */
function texSource(text) {
	const html = /^\{@html (".*")\}$/s.exec(text.trim());
	if (!html?.[1]) return text;
	const tex = ANNOTATION.exec(JSON.parse(html[1]))?.[1] ?? '';
	return tex.replace(/&(amp|lt|gt|quot|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Plain text of a node, for slide titles. Math keeps its TeX source.
 * @param {SlideNode} node
 * @returns {string}
 */
export function textOf(node) {
	if (node.type === 'text') return node.value ?? '';
	const text = (node.children ?? []).map(textOf).join('');
	const classes = node.properties?.className;
	const math =
		Array.isArray(classes) && classes.some((c) => c === 'math-inline' || c === 'math-display');
	return math ? texSource(text) : text;
}

/**
 * Nothing a slide could show: whitespace, or a rule (two `---` in a row make no empty slide).
 * @param {SlideNode} node
 */
function isEmpty(node) {
	if (node.type === 'element') return node.tagName === 'hr';
	return (node.type === 'text' || node.type === 'raw') && (node.value ?? '').trim() === '';
}

/**
 * Splits top-level nodes into slides. Nodes Svelte needs at the top level are returned apart.
 * A heading or rule inside an open block or component (depth > 0) does not split: that would
 * cut the markup in two.
 * @param {SlideNode[]} nodes
 * @returns {{ hoisted: SlideNode[], groups: SlideGroup[] }}
 */
export function groupSlides(nodes) {
	/** @type {SlideNode[]} */
	const hoisted = [];
	/** @type {SlideGroup[]} */
	const groups = [];
	/** @type {SlideGroup} */
	let current = { start: 'start', nodes: [] };
	let depth = 0;
	for (const node of nodes) {
		if (node.type === 'raw' && TOP_LEVEL_ONLY.test(node.value ?? '')) {
			hoisted.push(node);
			continue;
		}
		if (
			depth === 0 &&
			node.type === 'element' &&
			(node.tagName === 'h2' || node.tagName === 'hr')
		) {
			groups.push(current);
			current = { start: node.tagName === 'hr' ? 'rule' : 'heading', nodes: [node] };
			continue;
		}
		current.nodes.push(node);
		depth = Math.max(0, depth + openDepth(node));
	}
	groups.push(current);
	return { hoisted, groups: groups.filter((group) => !group.nodes.every(isEmpty)) };
}

/**
 * Each slide's title heading: its section's (`#` or `##`) heading, which a slide that continues a
 * section after a `---` break repeats. A subheading is part of the section's prose, not a slide
 * title. Null before the lesson's first heading.
 * @param {SlideGroup[]} groups
 * @returns {(SlideNode | null)[]}
 */
function titleHeadings(groups) {
	/** @type {SlideNode | null} */
	let previous = null;
	return groups.map((group) => {
		const heading = group.nodes.find(
			(node) => node.type === 'element' && /^h[12]$/.test(node.tagName ?? '')
		);
		previous = heading ?? previous;
		return previous;
	});
}

/**
 * Each slide's title: its first heading, or the previous slide's title when it continues a
 * section after a `---` break.
 * @param {SlideGroup[]} groups
 * @returns {string[]}
 */
export function slideTitles(groups) {
	return titleHeadings(groups).map((heading) => (heading ? textOf(heading).trim() : ''));
}

/**
 * The title a continuing slide shows: a copy of its section heading's content (math and all) in a
 * paragraph, hidden outside the slides and to assistive technology (the slide is labelled with it).
 * @param {SlideNode} heading
 * @returns {SlideNode}
 */
function continuedTitle(heading) {
	return {
		type: 'element',
		tagName: 'p',
		properties: { className: ['slide-continued'], hidden: true, ariaHidden: 'true' },
		children: structuredClone(heading.children ?? [])
	};
}

/** Block components whose content is prose: on a slide with points, they are speaker notes. */
const PROSE_COMPONENTS = new Set(['Callout', 'Erratum']);
/**
 * Prose elements: paragraphs (unless one holds a display formula or an image), lists, and the
 * subheadings that introduce a part of the prose (the slide's title is its `##` heading).
 */
const PROSE_ELEMENTS = new Set(['p', 'ul', 'ol', 'blockquote', 'dl', 'h3', 'h4', 'h5', 'h6']);

/**
 * The name of the component a raw node opens (`<Points>` → 'Points'), or null.
 * @param {SlideNode} node
 */
function openedComponent(node) {
	if (node.type !== 'raw') return null;
	return /^\s*<([A-Z][\w.]*)/.exec(node.value ?? '')?.[1] ?? null;
}

/**
 * What a unit of a slide (a top-level node, or a component from its opening tag to its closing one)
 * is to the slide: its points, teacher notes (which register themselves), prose, or something the
 * slide projects.
 * @param {SlideNode} first
 * @returns {'points' | 'notes' | 'prose' | 'projected'}
 */
function unitKind(first) {
	const component = openedComponent(first);
	if (component === 'Points') return 'points';
	if (component === 'Notes') return 'notes';
	if (component && PROSE_COMPONENTS.has(component)) return 'prose';
	if (first.type === 'element' && PROSE_ELEMENTS.has(first.tagName ?? '')) {
		const visual = (first.children ?? []).some(
			(child) =>
				child.type === 'element' &&
				(child.tagName === 'img' ||
					(Array.isArray(child.properties?.className) &&
						child.properties.className.includes('math-display')))
		);
		return visual ? 'projected' : 'prose';
	}
	return 'projected';
}

/**
 * A slide's nodes in units: a node at depth 0, with everything up to where the blocks and
 * components it opens close again. Whitespace between units belongs to the unit before it.
 * @param {SlideNode[]} nodes
 * @returns {SlideNode[][]}
 */
function units(nodes) {
	/** @type {SlideNode[][]} */
	const result = [];
	let depth = 0;
	for (const node of nodes) {
		const blank = (node.type === 'text' || node.type === 'raw') && (node.value ?? '').trim() === '';
		if (depth === 0 && !(blank && result.length > 0)) result.push([node]);
		else result[result.length - 1]?.push(node);
		depth = Math.max(0, depth + openDepth(node));
	}
	return result;
}

/**
 * A slide's nodes with each run of prose wrapped in <SlideProse>, when the slide has points;
 * otherwise the nodes as they are (the slide projects everything).
 * @param {SlideNode[]} nodes
 * @returns {{ nodes: SlideNode[], points: boolean }}
 */
export function wrapProse(nodes) {
	const parts = units(nodes).map((unit) => ({
		unit,
		kind: unitKind(/** @type {SlideNode} */ (unit[0]))
	}));
	if (!parts.some((part) => part.kind === 'points')) return { nodes, points: false };
	/** @type {SlideNode[]} */
	const result = [];
	let open = false;
	for (const { unit, kind } of parts) {
		if (kind === 'prose' && !open) result.push({ type: 'raw', value: '<SlideProse>' });
		if (kind !== 'prose' && open) result.push({ type: 'raw', value: '</SlideProse>' });
		open = kind === 'prose';
		result.push(...unit);
	}
	if (open) result.push({ type: 'raw', value: '</SlideProse>' });
	return { nodes: result, points: true };
}

/**
 * Adds an import line to the lesson's instance `<script>` (rehypeLessonImports writes it first), or
 * gives the lesson one: for the components the rehype plugins add after the lesson's own imports.
 * @param {SlideNode} tree
 * @param {string} line
 */
export function addScriptImport(tree, line) {
	const children = (tree.children ??= []);
	const script = children.find(
		(node) => node.type === 'raw' && (node.value ?? '').startsWith('<script>\n')
	);
	if (script) script.value = (script.value ?? '').replace('<script>\n', `<script>\n${line}\n`);
	else children.unshift({ type: 'raw', value: `<script>\n${line}\n</script>` });
}

/**
 * The rehype plugin. It also adds `slideTitles` (one entry per slide) to the lesson's metadata,
 * so pages know the slide count at build time.
 * @returns {(tree: SlideNode, file: { data: Record<string, unknown> }) => void}
 */
export default function rehypeSlides() {
	return (tree, file) => {
		const { hoisted, groups } = groupSlides(tree.children ?? []);
		const headings = titleHeadings(groups);
		let points = false;
		tree.children = [
			...hoisted,
			...groups.map((group, index) => {
				const heading = headings[index];
				const continues = group.start === 'rule' && heading && !group.nodes.includes(heading);
				const wrapped = wrapProse(group.nodes);
				points ||= wrapped.points;
				const nodes = wrapped.nodes;
				const [rule, ...rest] = nodes;
				return {
					type: 'element',
					tagName: 'section',
					properties: { className: ['slide'], dataSlide: String(index), dataBreak: group.start },
					children: continues && rule ? [rule, continuedTitle(heading), ...rest] : nodes
				};
			})
		];
		if (points) {
			addScriptImport(
				tree,
				"\timport SlideProse from '$lib/components/present/SlideProse.svelte';"
			);
		}
		const fm = /** @type {Record<string, unknown> | undefined} */ (file.data.fm);
		file.data.fm = { ...fm, slideTitles: slideTitles(groups) };
	};
}
