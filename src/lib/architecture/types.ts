/** The four networks the site teaches. */
export type Version = 'v1' | 'v2' | 'v3-large' | 'v3-small';

export type LayerKind =
	'conv' | 'depthwise' | 'pointwise' | 'fc' | 'pool' | 'se' | 'add' | 'activation';

export type Activation = 'linear' | 'relu' | 'relu6' | 'hswish' | 'hsigmoid' | 'softmax';

/** Feature map shape, channels last as in Keras/tfjs. */
export type Shape = readonly [height: number, width: number, channels: number];

export interface LayerSpec {
	/** Keras layer name; unique within a spec so weights load by name. */
	name: string;
	kind: LayerKind;
	/** Spatial kernel size: 1 for pointwise/fc/se, the map size for a global pool, 0 for add. */
	kernel: number;
	stride: number;
	/** Shape of the (first) input. */
	input: Shape;
	output: Shape;
	/** Mult-adds, counted as the papers do. */
	macs: number;
	/** Conv and FC weights only (the papers' parameter count). */
	params: number;
	/** Weights + biases + BatchNorm's 4 per channel (Keras `count_params`). */
	kerasParams: number;
	/** Applied after the layer (after BatchNorm if any). */
	activation: Activation;
	useBias: boolean;
	batchNorm: boolean;
	/** Keras name of the BatchNormalization layer, when batchNorm. */
	bnName?: string;
	/** Keras name of the separate activation layer, when Keras names it. */
	activationName?: string;
	/** Producers of this layer's inputs; [] is the network input. */
	inputs: string[];
	/** Group label for diagrams and tables, e.g. 'stem', 'block 3', 'head'. */
	block: string;
	/** Squeezed width of a squeeze-and-excite layer. */
	seChannels?: number;
}

export interface NetworkConfig {
	version: Version;
	alpha: number;
	resolution: number;
	/** Defaults to 1000 (ImageNet). */
	classes?: number;
}

export interface Totals {
	macs: number;
	params: number;
	kerasParams: number;
}

export interface NetworkSpec {
	config: Required<NetworkConfig>;
	layers: LayerSpec[];
	totals: Totals;
	byKind: Record<LayerKind, Totals>;
}
