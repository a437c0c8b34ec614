/**
 * A lesson's cells, with the student's edits, as a Jupyter notebook (nbformat 4.5) or as one
 * JavaScript file. The prose (title, note) comes from the page in the reader's language.
 */

export interface ExportCell {
	id: string;
	code: string;
}

export interface ExportInput {
	title: string;
	/** Says where the code comes from and what `tf` and `show` are outside the site. */
	note: string;
	cells: readonly ExportCell[];
}

/** nbformat stores text as a list of lines, each but the last ending in "\n". */
export function sourceLines(text: string): string[] {
	if (text === '') return [];
	const lines = text.split('\n');
	return lines
		.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line))
		.filter((l) => l !== '');
}

/** nbformat 4.5 cell ids: 1–64 of [A-Za-z0-9_-], unique in the notebook. */
function notebookIds(cells: readonly ExportCell[]): string[] {
	const used = new Set<string>(['title']);
	return cells.map((cell) => {
		const base = cell.id.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60) || 'cell';
		let id = base;
		for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
		used.add(id);
		return id;
	});
}

export function toIpynb({ title, note, cells }: ExportInput): string {
	const ids = notebookIds(cells);
	const notebook = {
		nbformat: 4,
		nbformat_minor: 5,
		metadata: {
			kernelspec: {
				name: 'javascript',
				display_name: 'JavaScript (Node.js)',
				language: 'javascript'
			},
			language_info: {
				name: 'javascript',
				file_extension: '.js',
				mimetype: 'application/javascript'
			}
		},
		cells: [
			{
				cell_type: 'markdown',
				id: 'title',
				metadata: {},
				source: sourceLines(`# ${title}\n\n${note}`)
			},
			...cells.map((cell, i) => ({
				cell_type: 'code',
				id: ids[i],
				metadata: {},
				execution_count: null,
				outputs: [],
				source: sourceLines(cell.code.replace(/\s+$/, ''))
			}))
		]
	};
	return `${JSON.stringify(notebook, null, 1)}\n`;
}

function lineComment(text: string): string {
	return text
		.split('\n')
		.map((line) => (line === '' ? '//' : `// ${line}`))
		.join('\n');
}

export function toJs({ title, note, cells }: ExportInput): string {
	const parts = [lineComment(`${title}\n\n${note}`)];
	for (const cell of cells) {
		const code = cell.code.replace(/\s+$/, '');
		parts.push(code ? `// %% [${cell.id}]\n${code}` : `// %% [${cell.id}]`);
	}
	return `${parts.join('\n\n')}\n`;
}

/** A file name from a title: letters of any script kept, everything else a single dash. */
export function exportFileName(title: string, extension: 'ipynb' | 'js'): string {
	const base = title
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
	return `${base || 'notebook'}.${extension}`;
}
