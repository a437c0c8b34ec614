/** Translated names for the lab's enumerations (kinds, versions, sources). */
import type { LayerKind, Version } from '$lib/architecture';
import { m } from '$lib/paraglide/messages';
import type { PublishedFigure, SourceId } from './published';

/** Model names are the same in every language. */
export const VERSION_LABELS: Record<Version, string> = {
	v1: 'MobileNetV1',
	v2: 'MobileNetV2',
	'v3-large': 'MobileNetV3-Large',
	'v3-small': 'MobileNetV3-Small'
};

const KIND_LABELS: Record<LayerKind, () => string> = {
	conv: m.lab_kind_conv,
	depthwise: m.lab_kind_depthwise,
	pointwise: m.lab_kind_pointwise,
	fc: m.lab_kind_fc,
	pool: m.lab_kind_pool,
	se: m.lab_kind_se,
	add: m.lab_kind_add,
	activation: m.lab_kind_activation
};

export function kindLabel(kind: LayerKind): string {
	return KIND_LABELS[kind]();
}

const SOURCE_LABELS: Record<SourceId, () => string> = {
	'v1-paper': m.lab_source_v1_paper,
	'v2-paper': m.lab_source_v2_paper,
	'v3-paper': m.lab_source_v3_paper,
	'slim-v1': m.lab_source_slim_v1,
	'slim-v2-v3': m.lab_source_slim_v2_v3
};

/** "MobileNetV1 paper, Tables 4, 6" */
export function citationLabel(figure: Pick<PublishedFigure, 'source' | 'tables'>): string {
	const source = SOURCE_LABELS[figure.source]();
	const tables = figure.tables.join(', ');
	if (figure.tables.length === 0) return source;
	if (figure.tables.length === 1) return m.lab_published_table({ source, tables });
	return m.lab_published_tables({ source, tables });
}
