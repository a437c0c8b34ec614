/**
 * The layer picker's and the strip's words for layers and blocks: the glossary's terms where the
 * glossary has one (so the lab says what the lessons say), the messages for the rest.
 */
import type { LayerSpec, Version } from '$lib/architecture';
import { m } from '$lib/paraglide/messages';
import { roleOf, type LayerGroup, type LayerRole } from './layer-groups';
import { shapeText } from './table';

/** Glossary terms by id, as the lab page loads them (`glossaryTerms`). */
export type Terms = Readonly<Record<string, string>>;

/** The glossary entry each role is named after, when there is one. */
const ROLE_TERMS: Partial<Record<LayerRole, string>> = {
	standard: 'standard-convolution',
	depthwise: 'depthwise-convolution',
	pointwise: 'pointwise-convolution',
	'squeeze-excite': 'squeeze-and-excite',
	'residual-add': 'residual-connection',
	pool: 'global-average-pooling',
	classifier: 'fully-connected-layer'
};

/** The ids of every glossary term the lab names layers with. */
export const LAB_TERM_IDS: readonly string[] = [
	...new Set([...Object.values(ROLE_TERMS), 'depthwise-separable-convolution', 'inverted-residual'])
];

function term(terms: Terms, id: string, fallback: () => string): string {
	return terms[id] ?? fallback();
}

export function roleLabel(role: LayerRole, terms: Terms): string {
	switch (role) {
		case 'expansion':
			return m.lab_role_expansion();
		case 'projection':
			return m.lab_role_projection();
		case 'activation':
			return m.lab_kind_activation();
		default:
			return term(terms, ROLE_TERMS[role]!, () => role);
	}
}

/** "depthwise convolution 3×3 / 2 → 56×56×64": the picker's option and the strip's label. */
export function layerLabel(layer: LayerSpec, layers: readonly LayerSpec[], terms: Terms): string {
	const role = roleLabel(roleOf(layer, layers), terms);
	const kernel =
		layer.kind === 'conv' || layer.kind === 'depthwise'
			? ` ${layer.kernel}×${layer.kernel}${layer.stride > 1 ? ` / ${layer.stride}` : ''}`
			: '';
	return `${role}${kernel} → ${shapeText(layer.output)}`;
}

/** "Block 3: depthwise separable convolution", "Stem", "Head". */
export function groupLabel(
	group: Pick<LayerGroup, 'kind' | 'number'>,
	version: Version,
	terms: Terms
): string {
	if (group.kind === 'stem') return m.lab_group_stem();
	if (group.kind === 'head') return m.lab_group_head();
	const name =
		version === 'v1'
			? term(terms, 'depthwise-separable-convolution', m.lab_kind_depthwise)
			: term(terms, 'inverted-residual', m.lab_kind_depthwise);
	return m.lab_group_block({ number: group.number ?? 0, name });
}
