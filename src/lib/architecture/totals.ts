import type { LayerKind, LayerSpec, NetworkConfig, NetworkSpec, Totals } from './types';

export const LAYER_KINDS: readonly LayerKind[] = [
	'conv',
	'depthwise',
	'pointwise',
	'fc',
	'pool',
	'se',
	'add',
	'activation'
];

function add(a: Totals, b: Totals): Totals {
	return {
		macs: a.macs + b.macs,
		params: a.params + b.params,
		kerasParams: a.kerasParams + b.kerasParams
	};
}

const ZERO: Totals = { macs: 0, params: 0, kerasParams: 0 };

export function totals(layers: readonly LayerSpec[]): Totals {
	return layers.reduce<Totals>(add, ZERO);
}

/** Totals per layer kind; every kind is present (zero when absent) so tables need no guards. */
export function totalsByKind(layers: readonly LayerSpec[]): Record<LayerKind, Totals> {
	const byKind = Object.fromEntries(LAYER_KINDS.map((kind) => [kind, ZERO])) as Record<
		LayerKind,
		Totals
	>;
	for (const layer of layers) byKind[layer.kind] = add(byKind[layer.kind], layer);
	return byKind;
}

export function assembleSpec(config: Required<NetworkConfig>, layers: LayerSpec[]): NetworkSpec {
	return { config, layers, totals: totals(layers), byKind: totalsByKind(layers) };
}
