/**
 * Which tfjs memory a cell keeps alive between runs. A run happens inside a tfjs scope, so every
 * tensor it made is freed at its end except those its exported names reach (directly, in
 * arrays and objects, or as a model's weights). Those, and the variables (layer weights) the run
 * created, belong to the cell until it runs again; then whatever no cell's names still reach is
 * disposed.
 */
import { isTensorLike } from './inspect';

export interface Disposable {
	dispose(): void;
	isDisposed: boolean;
}

export interface Resources {
	/** Tensors (variables included) the cell's exported names reach. */
	reached: Set<Disposable>;
	/** Variables the run created, reached or not. */
	created: Set<Disposable>;
}

const LIMITS = { depth: 8, nodes: 100_000 };

/** Weights of a tfjs Layer or LayersModel, as the variables that hold them. */
function layerWeights(value: object): Disposable[] | null {
	const v = value as { getClassName?: unknown; weights?: unknown };
	if (typeof v.getClassName !== 'function' || !Array.isArray(v.weights)) return null;
	return v.weights
		.map((w: { read?: () => unknown }) => (typeof w?.read === 'function' ? w.read() : null))
		.filter((t): t is Disposable => isTensorLike(t));
}

/** Tensors reachable from `roots`, walking arrays, Maps, Sets and objects to a bounded depth. */
export function reachableTensors(roots: readonly unknown[]): Set<Disposable> {
	const found = new Set<Disposable>();
	const seen = new Set<object>();
	let nodes = 0;
	const walk = (value: unknown, depth: number): void => {
		if (typeof value !== 'object' || value === null || depth > LIMITS.depth) return;
		if (seen.has(value) || ++nodes > LIMITS.nodes) return;
		seen.add(value);
		if (isTensorLike(value)) {
			found.add(value as unknown as Disposable);
			return;
		}
		const weights = layerWeights(value);
		if (weights) {
			for (const w of weights) found.add(w);
			return;
		}
		if (ArrayBuffer.isView(value)) return;
		const children =
			value instanceof Map
				? [...value.keys(), ...value.values()]
				: value instanceof Set
					? [...value]
					: Object.values(value);
		for (const child of children) walk(child, depth + 1);
	};
	for (const root of roots) walk(root, 0);
	return found;
}

export function collectResources(
	exportedValues: readonly unknown[],
	createdVariables: readonly Disposable[]
): Resources {
	return { reached: reachableTensors(exportedValues), created: new Set(createdVariables) };
}

/** Disposes what `previous` held that none of `current` reaches; returns how many were freed. */
export function releaseResources(previous: Resources, current: readonly Resources[]): number {
	let freed = 0;
	for (const item of new Set([...previous.reached, ...previous.created])) {
		if (item.isDisposed || current.some((r) => r.reached.has(item))) continue;
		item.dispose();
		freed++;
	}
	return freed;
}
