import { describe, expect, it } from 'vitest';
import { compileCell, STRICT_PREFIX } from '$lib/notebook/transform';

const none = new Set<string>();

function compile(code: string, reserved = none) {
	const result = compileCell(code, 'cell.js', reserved);
	if (!result.ok) throw new Error(`did not compile: ${JSON.stringify(result.error)}`);
	return result.cell;
}

describe('compileCell', () => {
	it('exports every top-level declaration, destructured names included', () => {
		const cell = compile(
			[
				'const a = 1, { b, c: [d, ...e] } = obj;',
				'let { f = 2, ...g } = obj;',
				'var h;',
				'function i() {}',
				'class J {}',
				'{ const inner = 1; }',
				'for (let k = 0; k < 1; k++) {}',
				'const a2 = () => { const hidden = 1; };'
			].join('\n')
		);
		expect(cell.exports).toEqual(['a', 'b', 'd', 'e', 'f', 'g', 'h', 'i', 'J', 'a2']);
	});

	it('keeps built-in names local and reports them', () => {
		const cell = compile('const tf = 1;\nconst x = 2;', new Set(['tf']));
		expect(cell.exports).toEqual(['x']);
		expect(cell.shadowed).toEqual(['tf']);
	});

	it('keeps the cell on its own lines after the strict directive', () => {
		const cell = compile('const x = 1;\nx + 1');
		const lines = cell.body.split('\n');
		expect(lines[0]).toBe(`${STRICT_PREFIX}const x = 1;`);
		expect(lines[1]).toBe('__separable.value = (x + 1)');
		expect(lines.at(-1)).toBe('//# sourceURL=cell.js');
	});

	it('takes no value from a trailing declaration or block', () => {
		expect(compile('const x = 1;').body).not.toContain('.value =');
		expect(compile('if (true) { 1 }').body).not.toContain('.value =');
	});

	it('reports a syntax error at the line and column of the cell', () => {
		const result = compileCell('const a = 1;\nconst b = ;\n', 'cell.js', none);
		expect(result).toEqual({
			ok: false,
			error: { kind: 'syntax', message: 'Unexpected token', line: 2, column: 11 }
		});
	});

	it('counts columns on the first line without the strict directive', () => {
		const result = compileCell('let let = 1', 'cell.js', none);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatchObject({ kind: 'syntax', line: 1, column: 5 });
	});

	it('applies strict mode: with statements do not compile', () => {
		const result = compileCell('with (Math) { abs(1) }', 'cell.js', none);
		expect(result.ok).toBe(false);
	});

	it('allows top-level await and return', () => {
		expect(compileCell('await 1;\nreturn 2', 'cell.js', none).ok).toBe(true);
	});

	it('refuses import() and import declarations', () => {
		const dynamic = compileCell(
			'const x = 1;\nconst m = await import("https://example.com/x.js")',
			'cell.js',
			none
		);
		expect(dynamic).toEqual({ ok: false, error: { kind: 'import', line: 2, column: 17 } });
		const declaration = compileCell('import x from "y"', 'cell.js', none);
		expect(declaration.ok).toBe(false);
		if (!declaration.ok) expect(declaration.error.kind).toBe('syntax');
	});
});
