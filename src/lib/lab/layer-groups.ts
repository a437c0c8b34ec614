/**
 * The layers of a network grouped the way the lessons present them: the stem, the numbered
 * blocks, the head; and each layer's role in its block in the lessons' words (a V2 block's 1×1
 * layers are its expansion and its projection, not just "pointwise"). Pure: the labels
 * themselves come from the glossary and the messages.
 */
import type { LayerSpec } from '$lib/architecture';

export type LayerRole =
	| 'standard'
	| 'depthwise'
	| 'pointwise'
	| 'expansion'
	| 'projection'
	| 'squeeze-excite'
	| 'residual-add'
	| 'pool'
	| 'classifier'
	| 'activation';

export type GroupKind = 'stem' | 'block' | 'head';

export interface LayerGroup {
	kind: GroupKind;
	/** The block's number as the engine counts it (V1 from 1, V2 and V3 from 0). */
	number: number | null;
	layers: LayerSpec[];
}

/** The engine labels blocks 'stem', 'block N' and 'head'. */
export function groupOf(block: string): { kind: GroupKind; number: number | null } {
	const numbered = /^block (\d+)$/.exec(block);
	if (numbered) return { kind: 'block', number: Number(numbered[1]) };
	return { kind: block === 'stem' ? 'stem' : 'head', number: null };
}

/** Consecutive layers of the same block, in network order. */
export function layerGroups(layers: readonly LayerSpec[]): LayerGroup[] {
	const groups: Array<LayerGroup & { block: string }> = [];
	for (const layer of layers) {
		const last = groups.at(-1);
		if (last && last.block === layer.block) last.layers.push(layer);
		else groups.push({ block: layer.block, ...groupOf(layer.block), layers: [layer] });
	}
	return groups.map(({ kind, number, layers }) => ({ kind, number, layers }));
}

/**
 * A layer's role. A 1×1 layer just before its block's depthwise layer widens the block (its
 * expansion); a linear one after it narrows it again (its projection, V2's linear bottleneck);
 * V1's 1×1 layers, after a depthwise layer but with ReLU6, are plain pointwise convolutions.
 */
export function roleOf(layer: LayerSpec, layers: readonly LayerSpec[]): LayerRole {
	switch (layer.kind) {
		case 'conv':
			return 'standard';
		case 'depthwise':
			return 'depthwise';
		case 'se':
			return 'squeeze-excite';
		case 'add':
			return 'residual-add';
		case 'pool':
			return 'pool';
		case 'fc':
			return 'classifier';
		case 'activation':
			return 'activation';
		case 'pointwise': {
			const block = layers.filter((l) => l.block === layer.block);
			const at = block.indexOf(layer);
			const depthwise = block.findIndex((l) => l.kind === 'depthwise');
			if (depthwise < 0) return 'pointwise';
			if (at < depthwise) return 'expansion';
			return layer.activation === 'linear' ? 'projection' : 'pointwise';
		}
	}
}
