/**
 * Links from a lesson into the lab, opened on a layer: the address (the lab reads it back with
 * lab/query.ts) and what the link offers, from the layer's role in its network, so a lesson names
 * only the layer and the words follow from what it is.
 */
import type { NetworkSpec, Version } from '$lib/architecture';
import { serializeLabQuery } from '$lib/lab/query';
import { roleOf } from '$lib/lab/layer-groups';

/** What a link to a layer invites the reader to see. */
export type LabLinkKind = 'separable' | 'bottleneck' | 'squeeze-excite' | 'layer';

/** The lab's query for `spec`'s network opened on `layer`. */
export function labQuery(spec: NetworkSpec, layer: string): string {
	return serializeLabQuery(spec.config, layer);
}

export function labLinkKind(spec: NetworkSpec, layer: string): LabLinkKind {
	const found = spec.layers.find((l) => l.name === layer);
	if (!found) throw new Error(`${spec.config.version} has no layer ${layer}`);
	const role = roleOf(found, spec.layers);
	const version: Version = spec.config.version;
	if (role === 'squeeze-excite') return 'squeeze-excite';
	if (version === 'v1' && (role === 'depthwise' || role === 'pointwise')) return 'separable';
	if (version !== 'v1' && ['expansion', 'depthwise', 'projection', 'residual-add'].includes(role))
		return 'bottleneck';
	return 'layer';
}

/**
 * The layer a row of a paper's architecture table stands for: the layer itself, the first layer
 * of a block (V2's and V3's rows are blocks), or the classifier for V1's softmax row.
 */
export function rowLayer(spec: NetworkSpec, key: string): string {
	if (spec.layers.some((l) => l.name === key)) return key;
	const softmax = key.replace(/_softmax$/, '');
	if (softmax !== key && spec.layers.some((l) => l.name === softmax)) return softmax;
	const first = spec.layers.find((l) => l.block === key);
	if (!first) throw new Error(`No layer or block ${key} in ${spec.config.version}`);
	return first.name;
}
