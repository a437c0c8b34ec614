/**
 * Text for any value a cell prints or ends with, in the spirit of a REPL: numbers and strings as
 * they are, arrays and objects one level deep at a time, tensors as tfjs prints them. Pure: a
 * tensor is recognised by its shape, not by importing tfjs.
 */

export const INSPECT_LIMITS = {
	/** Items shown per array, object, Map or Set. */
	items: 100,
	depth: 3,
	/** Characters of one printed value. */
	length: 20_000
} as const;

export interface TensorLike {
	shape: number[];
	dtype: string;
	isDisposed: boolean;
	toString(verbose?: boolean): string;
}

export function isTensorLike(value: unknown): value is TensorLike {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		Array.isArray(v.shape) &&
		typeof v.dtype === 'string' &&
		typeof v.dataSync === 'function' &&
		typeof v.isDisposed === 'boolean'
	);
}

/** A tfjs LayersModel or Layer: printed by class name, name and parameter count. */
function layersObject(value: object): string | null {
	const v = value as Record<string, unknown>;
	if (typeof v.getClassName !== 'function' || typeof v.countParams !== 'function') return null;
	const className = String((v.getClassName as () => string).call(value));
	let params = '';
	try {
		params = `, ${(v.countParams as () => number).call(value)} params`;
	} catch {
		// A layer that is not built yet has no weights to count.
	}
	const name = typeof v.name === 'string' ? ` ${v.name}` : '';
	return `${className}${name}${params}`;
}

function truncate(text: string): string {
	return text.length > INSPECT_LIMITS.length
		? `${text.slice(0, INSPECT_LIMITS.length)}… (${text.length - INSPECT_LIMITS.length} more characters)`
		: text;
}

function more(count: number): string {
	return `… ${count} more`;
}

function key(name: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function inspectNested(value: unknown, depth: number, seen: Set<object>): string {
	switch (typeof value) {
		case 'string':
			return JSON.stringify(value);
		case 'number':
			return Object.is(value, -0) ? '-0' : String(value);
		case 'bigint':
			return `${value}n`;
		case 'boolean':
		case 'undefined':
			return String(value);
		case 'symbol':
			return value.toString();
		case 'function':
			return value.name ? `[Function ${value.name}]` : '[Function]';
	}
	if (value === null) return 'null';
	const object = value as object;
	if (isTensorLike(object)) {
		return object.isDisposed
			? `Tensor (disposed) shape [${object.shape.join(', ')}]`
			: object.toString();
	}
	const layers = layersObject(object);
	if (layers) return layers;
	if (seen.has(object)) return '[Circular]';
	if (object instanceof Error) return `${object.name}: ${object.message}`;
	if (object instanceof Date) return object.toISOString();
	if (object instanceof RegExp) return String(object);
	if (object instanceof Promise) return 'Promise';
	if (depth >= INSPECT_LIMITS.depth) {
		return Array.isArray(object) ? `[Array(${object.length})]` : '[Object]';
	}
	seen.add(object);
	try {
		if (Array.isArray(object) || ArrayBuffer.isView(object)) {
			const items = Array.from(object as ArrayLike<unknown>);
			const shown = items
				.slice(0, INSPECT_LIMITS.items)
				.map((item) => inspectNested(item, depth + 1, seen));
			if (items.length > INSPECT_LIMITS.items)
				shown.push(more(items.length - INSPECT_LIMITS.items));
			const prefix = Array.isArray(object) ? '' : `${object.constructor.name}(${items.length}) `;
			return `${prefix}[${shown.join(', ')}]`;
		}
		if (object instanceof Map) {
			const entries = [...object.entries()];
			const shown = entries
				.slice(0, INSPECT_LIMITS.items)
				.map(
					([k, v]) => `${inspectNested(k, depth + 1, seen)} => ${inspectNested(v, depth + 1, seen)}`
				);
			if (entries.length > INSPECT_LIMITS.items)
				shown.push(more(entries.length - INSPECT_LIMITS.items));
			return `Map(${object.size}) {${shown.join(', ')}}`;
		}
		if (object instanceof Set) {
			const items = [...object];
			const shown = items
				.slice(0, INSPECT_LIMITS.items)
				.map((item) => inspectNested(item, depth + 1, seen));
			if (items.length > INSPECT_LIMITS.items)
				shown.push(more(items.length - INSPECT_LIMITS.items));
			return `Set(${object.size}) {${shown.join(', ')}}`;
		}
		const entries = Object.entries(object);
		const shown = entries
			.slice(0, INSPECT_LIMITS.items)
			.map(([k, v]) => `${key(k)}: ${inspectNested(v, depth + 1, seen)}`);
		if (entries.length > INSPECT_LIMITS.items)
			shown.push(more(entries.length - INSPECT_LIMITS.items));
		const name = object.constructor?.name;
		const prefix = name && name !== 'Object' ? `${name} ` : '';
		return shown.length === 0 ? `${prefix}{}` : `${prefix}{ ${shown.join(', ')} }`;
	} finally {
		seen.delete(object);
	}
}

/** Text of a printed value: strings as they are at the top level, everything else as a literal. */
export function inspect(value: unknown): string {
	if (typeof value === 'string') return truncate(value);
	try {
		return truncate(inspectNested(value, 0, new Set()));
	} catch {
		// A getter or a proxy that throws while being read: say what it is, not what it holds.
		return Object.prototype.toString.call(value);
	}
}

/** What show.text and console.log print for several arguments. */
export function inspectAll(values: readonly unknown[]): string {
	return truncate(values.map(inspect).join(' '));
}
