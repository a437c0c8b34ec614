import { describe, expect, it } from 'vitest';
import { exportFileName, sourceLines, toIpynb, toJs } from '$lib/notebook/export';

const input = {
	title: 'Depthwise separable convolution',
	note: 'Exported from Separable.',
	cells: [
		{ id: 'depthwise-cost', code: 'const D_K = 3;\n\nD_K * D_K\n' },
		{ id: 'separable-block', code: 'const model = tf.sequential();' },
		{ id: 'separable-block', code: '' }
	]
};

describe('toIpynb', () => {
	const notebook = JSON.parse(toIpynb(input));

	it('writes nbformat 4.5 with a JavaScript kernel', () => {
		expect(notebook.nbformat).toBe(4);
		expect(notebook.nbformat_minor).toBe(5);
		expect(notebook.metadata.kernelspec).toEqual({
			name: 'javascript',
			display_name: 'JavaScript (Node.js)',
			language: 'javascript'
		});
		expect(notebook.metadata.language_info).toMatchObject({
			name: 'javascript',
			file_extension: '.js'
		});
	});

	it('starts with the title and keeps the cells in order, as lists of lines', () => {
		const [title, ...cells] = notebook.cells;
		expect(title).toEqual({
			cell_type: 'markdown',
			id: 'title',
			metadata: {},
			source: ['# Depthwise separable convolution\n', '\n', 'Exported from Separable.']
		});
		expect(cells.map((c: { source: string[] }) => c.source)).toEqual([
			['const D_K = 3;\n', '\n', 'D_K * D_K'],
			['const model = tf.sequential();'],
			[]
		]);
		for (const cell of cells) {
			expect(cell).toMatchObject({
				cell_type: 'code',
				metadata: {},
				execution_count: null,
				outputs: []
			});
		}
	});

	it('gives every cell a unique id that nbformat accepts', () => {
		const ids = notebook.cells.map((c: { id: string }) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
		expect(ids).toEqual(['title', 'depthwise-cost', 'separable-block', 'separable-block-2']);
	});
});

describe('toJs', () => {
	it('comments the title and separates the cells with percent markers', () => {
		expect(toJs(input)).toBe(
			[
				'// Depthwise separable convolution',
				'//',
				'// Exported from Separable.',
				'',
				'// %% [depthwise-cost]',
				'const D_K = 3;',
				'',
				'D_K * D_K',
				'',
				'// %% [separable-block]',
				'const model = tf.sequential();',
				'',
				'// %% [separable-block]',
				''
			].join('\n')
		);
	});
});

describe('file names', () => {
	it('keep letters of every script and drop the rest', () => {
		expect(exportFileName('The 1×1 convolution', 'ipynb')).toBe('the-1-1-convolution.ipynb');
		expect(exportFileName('Песочница для кода', 'js')).toBe('песочница-для-кода.js');
		expect(exportFileName('代码练习场', 'js')).toBe('代码练习场.js');
		expect(exportFileName('???', 'js')).toBe('notebook.js');
	});

	it('split text into nbformat lines', () => {
		expect(sourceLines('a\nb\n')).toEqual(['a\n', 'b\n']);
		expect(sourceLines('')).toEqual([]);
	});
});
