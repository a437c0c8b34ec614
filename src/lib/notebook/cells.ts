/**
 * The cells' code, stored once for all languages in content/cells/<lesson>/<cell id>.js.
 * Starter code is bundled (the page prerenders it); a solution, content/cells/<lesson>/<cell
 * id>.solution.js, is fetched only when a student asks for it after a wrong attempt, and its
 * presence is what makes a cell an exercise (its check: src/lib/notebook/checks/).
 */

const starters = import.meta.glob<string>(
	['/content/cells/*/*.js', '!/content/cells/*/*.solution.js'],
	{ query: '?raw', import: 'default', eager: true }
);
const solutions = import.meta.glob<string>('/content/cells/*/*.solution.js', {
	query: '?raw',
	import: 'default'
});

const PATH = /^\/content\/cells\/([^/]+)\/([^/]+?)(\.solution)?\.js$/;

/** Files end with a newline; an editor would show it as an empty last line. */
function withoutFinalNewline(code: string): string {
	return code.replace(/\n+$/, '');
}

function path(lesson: string, id: string, solution = false): string {
	return `/content/cells/${lesson}/${id}${solution ? '.solution' : ''}.js`;
}

/** The lesson's original code of a cell; throws (failing the build) for a cell that does not exist. */
export function starterCode(lesson: string, id: string): string {
	const code = starters[path(lesson, id)];
	if (code === undefined) {
		throw new Error(`No notebook cell content/cells/${lesson}/${id}.js`);
	}
	return withoutFinalNewline(code);
}

/** Whether content/cells/<lesson>/ holds any cell: a lesson page wraps itself in a Notebook then. */
export function hasCells(lesson: string): boolean {
	const prefix = `/content/cells/${lesson}/`;
	return Object.keys(starters).some((p) => p.startsWith(prefix));
}

export function isExercise(lesson: string, id: string): boolean {
	return path(lesson, id, true) in solutions;
}

export async function solutionCode(lesson: string, id: string): Promise<string> {
	const load = solutions[path(lesson, id, true)];
	if (!load) throw new Error(`No solution for notebook cell ${lesson}/${id}`);
	return withoutFinalNewline(await load());
}

/** All "<lesson>/<cell id>" keys, for the tests that tie cells, checks and solutions together. */
export function allCellKeys(): { starters: string[]; solutions: string[] } {
	const key = (p: string) => {
		const m = PATH.exec(p);
		return m ? `${m[1]}/${m[2]}` : p;
	};
	return { starters: Object.keys(starters).map(key), solutions: Object.keys(solutions).map(key) };
}
