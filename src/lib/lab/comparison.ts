/**
 * The V1 paper's what-if: the same network with standard convolutions in place of the depthwise
 * separable ones. The engine builds that network for V1 only, so V2 and V3 get no comparison.
 */
import { DEFAULT_CONFIG, figureRows, mobilenetV1FullConv } from '$lib/architecture';
import type { Totals } from '$lib/architecture';
import { sourceId } from './published';
import type { PublishedFigure } from './published';
import type { LabConfig } from './query';

export interface FullConvComparison {
	fullConv: Totals;
	/** How many times more the standard-convolution network costs. */
	macsRatio: number;
	paramsRatio: number;
	/** The V1 paper's Table 4 "Conv MobileNet" row, when the config is the one it describes. */
	printed: PublishedFigure | null;
}

export function fullConvComparison(
	config: LabConfig,
	separable: Totals
): FullConvComparison | null {
	if (config.version !== 'v1') return null;
	const fullConv = mobilenetV1FullConv(config.alpha, config.resolution, config.classes).totals;
	const isTable4Config =
		config.alpha === DEFAULT_CONFIG.alpha &&
		config.resolution === DEFAULT_CONFIG.resolution &&
		config.classes === DEFAULT_CONFIG.classes;
	const row = isTable4Config
		? figureRows('v1-table4').find((r) => r.key === 'Conv MobileNet')
		: undefined;
	return {
		fullConv,
		macsRatio: fullConv.macs / separable.macs,
		paramsRatio: fullConv.params / separable.params,
		printed:
			row?.multAdds !== undefined && row.params !== undefined
				? {
						source: sourceId(row.source),
						tables: row.table === null ? [] : [String(row.table)],
						multAddsM: row.multAdds,
						paramsM: row.params
					}
				: null
	};
}
