/**
 * The numbers lessons quote from the engine, addressed by network, metric and (optionally) layer
 * kind or layer name, and how to print them.
 */
import {
	arithmeticIntensity,
	buildSpec,
	mobilenetV1FullConv,
	mobilenetV1Shallow
} from '$lib/architecture';
import type { LayerKind, NetworkSpec, Version } from '$lib/architecture';
import {
	formatCompact,
	formatDecimal,
	formatInteger,
	formatMillions,
	formatPercent
} from '$lib/i18n/format';
import type { Locale } from '$lib/paraglide/runtime';
import { weightedLayerCount } from './tables';

export type Metric =
	| 'macs'
	| 'params'
	| 'keras-params'
	| 'share-macs'
	| 'share-params'
	| 'layers'
	| 'count'
	| 'in-size'
	| 'in-channels'
	| 'out-size'
	| 'out-channels'
	| 'out-pixels'
	| 'stride'
	| 'kernel'
	| 'intensity';

export interface NumberQuery {
	/**
	 * 'v1-full-conv' is V1 with standard convolutions in place of separable ones (Table 4);
	 * 'v1-shallow' is V1 without its five repeated 14×14 blocks (Table 5).
	 */
	net: Version | 'v1-full-conv' | 'v1-shallow';
	alpha: number;
	res: number;
	metric: Metric;
	/** Restricts macs/params to one layer kind; required for the share metrics and count. */
	kind?: LayerKind;
	/** Keras name of one layer; required for the shape metrics and intensity. */
	layer?: string;
	/**
	 * Restricts macs/params and the shares to the layers whose output map is map × map: one
	 * stage of the network (V1's 14 × 14 stage is map 14).
	 */
	map?: number;
}

const cache = new Map<string, NetworkSpec>();

export function specFor(net: NumberQuery['net'], alpha: number, res: number): NetworkSpec {
	const key = `${net}/${alpha}/${res}`;
	let spec = cache.get(key);
	if (!spec) {
		spec =
			net === 'v1-full-conv'
				? mobilenetV1FullConv(alpha, res)
				: net === 'v1-shallow'
					? mobilenetV1Shallow(alpha, res)
					: buildSpec({ version: net, alpha, resolution: res });
		cache.set(key, spec);
	}
	return spec;
}

/** One number from the engine. Anything a lesson mistypes (a layer name, a missing kind) throws. */
export function engineNumber(q: NumberQuery): number {
	const spec = specFor(q.net, q.alpha, q.res);
	const layer = q.layer === undefined ? undefined : spec.layers.find((l) => l.name === q.layer);
	if (q.layer !== undefined && !layer) throw new Error(`${q.net} has no layer ${q.layer}`);
	if (q.map !== undefined && !spec.layers.some((l) => l.output[0] === q.map)) {
		throw new Error(`${q.net} has no ${q.map} × ${q.map} stage`);
	}
	/** The kind's or the stage's layers (both when both are given); null for the whole network. */
	const selected =
		q.kind === undefined && q.map === undefined
			? null
			: spec.layers.filter(
					(l) =>
						(q.kind === undefined || l.kind === q.kind) &&
						(q.map === undefined || l.output[0] === q.map)
				);
	const sum = (field: 'macs' | 'params' | 'kerasParams') =>
		layer
			? layer[field]
			: selected
				? selected.reduce((total, l) => total + l[field], 0)
				: spec.totals[field];
	const shape = (value: number | undefined) => {
		if (!layer || value === undefined) throw new Error(`${q.metric} needs a layer`);
		return value;
	};
	switch (q.metric) {
		case 'macs':
			return sum('macs');
		case 'params':
			return sum('params');
		case 'keras-params':
			return sum('kerasParams');
		case 'share-macs':
		case 'share-params': {
			if (!selected) throw new Error(`${q.metric} needs a kind or a map size`);
			const field = q.metric === 'share-macs' ? 'macs' : 'params';
			return sum(field) / spec.totals[field];
		}
		case 'layers':
			return weightedLayerCount(spec);
		case 'count':
			if (!q.kind) throw new Error('count needs a kind');
			return (selected ?? []).length;
		case 'in-size':
			return shape(layer?.input[0]);
		case 'in-channels':
			return shape(layer?.input[2]);
		case 'out-size':
			return shape(layer?.output[0]);
		case 'out-channels':
			return shape(layer?.output[2]);
		case 'out-pixels':
			// The positions the layer computes: the rows of its output as a matrix (lesson 4's GEMM).
			return shape(layer?.output[0]) * shape(layer?.output[1]);
		case 'stride':
			return shape(layer?.stride);
		case 'kernel':
			return shape(layer?.kernel);
		case 'intensity':
			if (!layer) throw new Error('intensity needs a layer');
			return arithmeticIntensity(layer);
	}
}

export type NumberFormat = 'integer' | 'millions' | 'compact' | 'percent' | 'decimal';

/** How a metric prints unless the lesson says otherwise. */
export function defaultFormat(metric: Metric): { format: NumberFormat; digits: number } {
	if (metric === 'macs') return { format: 'millions', digits: 0 };
	if (metric === 'params' || metric === 'keras-params') return { format: 'millions', digits: 1 };
	if (metric === 'share-macs' || metric === 'share-params') return { format: 'percent', digits: 2 };
	if (metric === 'intensity') return { format: 'decimal', digits: 1 };
	return { format: 'integer', digits: 0 };
}

/**
 * A number in a language's conventions (src/lib/i18n/format.ts). 'millions' is a count at the
 * precision of `digits` decimals of a million: English and Russian print the millions and the
 * prose carries the unit ("569 million", «569 млн»); Chinese and Korean print the unit with the
 * number (5.69 亿, 5.69억), so their prose carries only the counter (次, 个, 회, 개). 'compact'
 * always prints the unit (569M, 569 млн, 5.69 亿, 5.69억).
 */
export function formatNumber(
	value: number,
	format: NumberFormat,
	lang: Locale,
	digits = 0
): string {
	switch (format) {
		case 'integer':
			return formatInteger(value, lang);
		case 'millions':
			return formatMillions(value, lang, digits);
		case 'percent':
			return formatPercent(value, lang, digits);
		case 'decimal':
			return formatDecimal(value, lang, digits);
		case 'compact':
			return formatCompact(value, lang);
	}
}
