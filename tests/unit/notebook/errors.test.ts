import { describe, expect, it } from 'vitest';
import {
	cellPositionOf,
	frameInStack,
	lineOffsetFromProbe,
	runtimeError
} from '$lib/notebook/errors';
import { compileCell, RUNTIME_PARAM, STRICT_PREFIX } from '$lib/notebook/transform';

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
	...args: string[]
) => (runtime: unknown) => Promise<unknown>;

/** Runs a cell as the executor does, in this V8, and returns what it threw. */
async function errorOf(code: string, url: string) {
	const compiled = compileCell(code, url, new Set());
	if (!compiled.ok) throw new Error('did not compile');
	try {
		await new AsyncFunction(RUNTIME_PARAM, compiled.cell.body)({ exports: () => {} });
	} catch (error) {
		const lines = code.split('\n').length;
		return runtimeError(error, url, await offset(), lines, compiled.cell.insertion);
	}
	throw new Error('did not throw');
}

async function offset(): Promise<number> {
	try {
		await new AsyncFunction(
			RUNTIME_PARAM,
			`${STRICT_PREFIX}throw new Error('probe')\n//# sourceURL=probe.js`
		)({});
	} catch (error) {
		return lineOffsetFromProbe((error as Error).stack, 'probe.js');
	}
	return 0;
}

describe('frameInStack', () => {
	it('reads V8 and Firefox frames of the named source only', () => {
		const v8 =
			'Error: x\n    at f (separable-cell-12.js:4:9)\n    at eval (separable-cell-2.js:7:1)';
		expect(frameInStack(v8, 'separable-cell-2.js')).toEqual({ line: 7, column: 1 });
		expect(frameInStack(v8, 'separable-cell-12.js')).toEqual({ line: 4, column: 9 });
		expect(frameInStack('f@separable-cell-3.js:5:2\n', 'separable-cell-3.js')).toEqual({
			line: 5,
			column: 2
		});
		expect(frameInStack(v8, 'separable-cell-1.js')).toBeNull();
		expect(frameInStack(undefined, 'x.js')).toBeNull();
	});

	it('maps engine lines to cell lines and drops positions outside the cell', () => {
		expect(cellPositionOf({ line: 5, column: 3 }, 2, 10)).toEqual({ line: 3, column: 3 });
		expect(cellPositionOf({ line: 3, column: STRICT_PREFIX.length + 4 }, 2, 10)).toEqual({
			line: 1,
			column: 4
		});
		expect(cellPositionOf({ line: 13, column: 1 }, 2, 10)).toBeNull();
	});
});

describe('runtime errors in real V8', () => {
	it('point at the line of the cell that threw', async () => {
		const error = await errorOf('const a = 1;\nconst b = 2;\nnull.x;\n', 'cell-a.js');
		expect(error.line).toBe(3);
		expect(error.message).toMatch(/^TypeError: Cannot read properties of null/);
	});

	it('point at the innermost cell frame when a function of the cell throws', async () => {
		const code = 'function f() {\n  return undefinedName + 1;\n}\nf();';
		const error = await errorOf(code, 'cell-b.js');
		expect(error).toMatchObject({
			line: 2,
			message: 'ReferenceError: undefinedName is not defined'
		});
	});

	it('give a column on the first line as the student counts it', async () => {
		expect(await errorOf('null.x', 'cell-c.js')).toMatchObject({ line: 1, column: 6 });
		expect(await errorOf('let a = 1;\n  a + nope', 'cell-d.js')).toMatchObject({
			line: 2,
			column: 7
		});
	});

	it('describe thrown non-errors without a position', () => {
		expect(runtimeError(42, 'x.js', 2, 1)).toEqual({ kind: 'runtime', message: 'Uncaught 42' });
	});
});
