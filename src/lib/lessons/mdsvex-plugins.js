// Rehype plugins for the lessons in content/<lang>/*.md, loaded by svelte.config.js (plain JS: Node
// reads that config without a TypeScript loader).
import { readdirSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/** `## Title {#id}`: an explicit, language-neutral id, so links keep their anchor across languages. */
export const HEADING_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

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

/** Capitalised tags in the raw HTML of a lesson: the components it uses. */
const COMPONENT_TAG = /<([A-Z][A-Za-z0-9]*)\b/g;

/**
 * Component name → import path for every Svelte file in the given folders (earlier folders win).
 * @param {string} root project root
 * @param {string[]} folders relative to root, e.g. ['src/lib/components/lesson']
 * @returns {Record<string, string>}
 */
export function componentsIn(root, folders) {
	/** @type {Record<string, string>} */
	const map = {};
	for (const folder of [...folders].reverse()) {
		const dir = resolve(root, folder);
		if (!existsSync(dir)) continue;
		for (const file of readdirSync(dir)) {
			if (!file.endsWith('.svelte')) continue;
			map[basename(file, '.svelte')] = `${folder.replace(/^src\/lib/, '$lib')}/${file}`;
		}
	}
	return map;
}

/**
 * Imports every known component a lesson uses, so lesson files hold prose and tags only: no
 * script block to copy or break when translating. A lesson with its own <script> fails the build.
 * @param {{ components: Record<string, string> }} options
 */
export function rehypeLessonImports({ components }) {
	/** @param {HastNode} tree @param {{ filename?: string }} file */
	return (tree, file) => {
		const used = new Set();
		walk(tree, (node) => {
			if (node.type !== 'raw' || !node.value) return;
			if (/^\s*<script(?![^>]*context=)/.test(node.value)) {
				throw new Error(
					`${file?.filename ?? 'lesson'}: lessons hold no <script>; components are imported automatically`
				);
			}
			for (const [, name] of node.value.matchAll(COMPONENT_TAG)) {
				if (name && name in components) used.add(name);
			}
		});
		if (used.size === 0) return;
		const imports = [...used]
			.sort()
			.map((name) => `\timport ${name} from '${components[name]}';`)
			.join('\n');
		tree.children = [
			{ type: 'raw', value: `<script>\n${imports}\n</script>` },
			...(tree.children ?? [])
		];
	};
}
