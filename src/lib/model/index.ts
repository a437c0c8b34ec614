/**
 * The live MobileNet: tfjs networks built from the architecture engine's specs, official
 * weights, preprocessing, classification and per-layer activations.
 *
 * Import this module only from lab pages, dynamically (`await import('$lib/model')`): it pulls
 * in tfjs. Lesson pages must not import it.
 */
export { initBackend, backendOrder, wasmThreads } from './backend';
export type {
	BackendInfo,
	BackendName,
	BackendEnvironment,
	BackendFallback,
	FallbackReason
} from './backend';
export { buildNetwork, prepareWeights, INPUT_NAME } from './build';
export type { BuildOptions, BuiltNetwork } from './build';
export { imagenetClasses, className, IMAGENET_CLASS_COUNT } from './classes';
export { BN_EPSILON, foldBatchNorm } from './fold-batchnorm';
export {
	loadLayersWeights,
	loadTrainedWeights,
	decodeWeights,
	readManifest,
	groupBytes
} from './load';
export type { WeightsResult, FetchContext, ManifestGroup } from './load';
export { predict, topK } from './predict';
export type { ClassScore, LayerActivation, Prediction, PredictOptions } from './predict';
export { checkPixels, inputToPixels, networkInputPixels, toInputTensor } from './preprocess';
export type { Pixels } from './preprocess';
export { profileLayers } from './profile';
export { readLayerWeights } from './kernels';
export type { LayerWeights } from './kernels';
export { ReadbackPool, readInto } from './readback';
export type { LayerTiming, ProfileOptions } from './profile';
export { aggregateProgress, ProgressTracker } from './progress';
export type { FileProgress, LoadProgress } from './progress';
export { OFFICIAL_MODELS, firstAvailable, officialModelFor, weightSources } from './registry';
export type {
	OfficialModel,
	SourceKind,
	SourceOptions,
	UntrainedReason,
	WeightSource
} from './registry';
export { ModelSession } from './session';
export type { NetworkState, RunRequest, RunResult, SessionOptions, WeightsStatus } from './session';
export { browserCache, memoryCache, CACHE_NAME } from './weights-cache';
export type { ByteCache } from './weights-cache';
export { conformWeights, countValues, expectedWeights, initialWeights } from './weights';
export type { WeightArray, WeightMap } from './weights';
