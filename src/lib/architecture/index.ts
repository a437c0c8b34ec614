export type {
	Activation,
	LayerKind,
	LayerSpec,
	NetworkConfig,
	NetworkSpec,
	Shape,
	Totals,
	Version
} from './types';
export {
	depthwiseConvCost,
	depthwiseConvParams,
	groupCounts,
	groupedConvCost,
	groupedConvParams,
	isGroupCount,
	pointwiseConvCost,
	pointwiseConvParams,
	separableConvCost,
	separableConvParams,
	separableRatio,
	standardConvCost,
	standardConvParams
} from './costs';
export { makeDivisible, v1Width } from './rounding';
export { outputSize } from './layers';
export { LAYER_KINDS, totals, totalsByKind } from './totals';
export {
	ALPHA_RANGE,
	DEFAULT_CONFIG,
	RESOLUTION_RANGE,
	VERSIONS,
	clampAlpha,
	clampConfig,
	clampResolution,
	withDefaults
} from './config';
export type { ConfigNote } from './config';
export { mobilenetV1 } from './v1';
export { mobilenetV1FullConv } from './full-conv';
export { mobilenetV1Shallow } from './shallow';
export { arithmeticIntensity } from './intensity';
export { mobilenetV2 } from './v2';
export { mobilenetV3Large, mobilenetV3Small } from './v3';
export { buildSpec } from './build';
export * from './published';
export * from './figures';
