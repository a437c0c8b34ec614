/** Translated names for the lab's enumerations (kinds, versions, sources). */
import type { Citation, LayerKind, Version } from '$lib/architecture';
import { formatDecimal, formatPercent } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/languages';
import type { TrainedModel, WeightSource } from '$lib/model/registry';
import { m } from '$lib/paraglide/messages';
import { sourceId, type PublishedFigure, type SourceId } from './published';

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
	'slim-v2-v3': m.lab_source_slim_v2_v3,
	'tflite-hosted': m.lab_source_tflite_hosted
};

/** "MobileNetV1 paper, Tables 4, 6" */
export function citationLabel(figure: Pick<PublishedFigure, 'source' | 'tables'>): string {
	const source = SOURCE_LABELS[figure.source]();
	const tables = figure.tables.join(', ');
	if (figure.tables.length === 0) return source;
	if (figure.tables.length === 1) return m.lab_published_table({ source, tables });
	return m.lab_published_tables({ source, tables });
}

export function sourceLabel(citation: Citation): string {
	return SOURCE_LABELS[sourceId(citation)]();
}

const WHERE: Record<WeightSource['kind'], () => string> = {
	'same-origin': m.live_weights_where_site,
	mirror: m.live_weights_where_mirror,
	official: m.live_weights_where_google
};

/**
 * What trained weights the live network runs and where they came from, in three sentences:
 * which weights (float, or 8-bit and trained for 8-bit inference), the source, the published top-1.
 */
export function trainedWeightsText(
	model: TrainedModel,
	source: WeightSource,
	lang: Locale
): string {
	const names = {
		model: VERSION_LABELS[model.version],
		alpha: formatDecimal(model.alpha, lang, 2)
	};
	const sentences = [
		model.precision === 'uint8' ? m.live_weights_8bit(names) : m.live_weights_float(names),
		WHERE[source.kind](),
		m.live_weights_top1({
			top1: formatPercent(model.top1.percent / 100, lang, 1),
			source: sourceLabel(model.top1.source)
		})
	];
	// Chinese sentences follow each other without a space.
	return sentences.join(lang === 'zh' ? '' : ' ');
}
