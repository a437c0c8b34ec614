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
export { loadLayersWeights, loadTrainedWeights } from './load';
export type { WeightsResult, FetchContext } from './load';
export {
	decodeWeights,
	encodeWeights,
	groupBytes,
	readManifest,
	weightsFiles
} from './weights-format';
export type { ManifestGroup, ManifestWeight, StoredWeight } from './weights-format';
export { weightHistogram } from './histogram';
export type { WeightHistogram } from './histogram';
export { quantizeWeights } from './quantize';
export type { LayerQuantError, QuantizeMode, QuantizedWeights } from './quantize';
export { predict, topK } from './predict';
export type { ClassScore, LayerActivation, Prediction, PredictOptions } from './predict';
export { checkPixels, networkInputPixels, preprocess, toInputTensor } from './preprocess';
export type { Pixels } from './preprocess';
export { profileLayers } from './profile';
export { readLayerWeights } from './kernels';
export type { LayerWeights } from './kernels';
export { timeVsMacs } from './time-vs-macs';
export { ReadbackPool, readInto } from './readback';
export type { LayerTiming, ProfileOptions } from './profile';
export type { KindTime, LayerRate, TimeVsMacs } from './time-vs-macs';
export { aggregateProgress, ProgressTracker } from './progress';
export type { FileProgress, LoadProgress } from './progress';
export { TRAINED_MODELS, loadingOrder, trainedModelsFor, weightSources } from './registry';
export type {
	Precision,
	SourceKind,
	SourceOptions,
	TrainedModel,
	UntrainedReason,
	WeightSource
} from './registry';
export { ModelSession } from './session';
export type { NetworkState, RunRequest, RunResult, SessionOptions, WeightsStatus } from './session';
export { browserCache, memoryCache, CACHE_NAME } from './weights-cache';
export type { ByteCache } from './weights-cache';
export { conformWeights, countValues, expectedWeights, initialWeights } from './weights';
export type { Quantization, WeightArray, WeightForm, WeightMap } from './weights';
