/**
 * Figures as the papers and the official model pages print them, with their sources. Only
 * printed figures live here: anything the engine can compute is computed (see `errata` for the
 * places where the two disagree).
 */
import type { LayerKind } from './types';

export interface Citation {
	/** Short label for captions. */
	label: string;
	title: string;
	authors: string;
	year: number;
	/** arXiv id or repository path. */
	ref: string;
}

export const V1_PAPER: Citation = {
	label: 'MobileNetV1 paper',
	title: 'MobileNets: Efficient Convolutional Neural Networks for Mobile Vision Applications',
	authors: 'Howard, Zhu, Chen, Kalenichenko, Wang, Weyand, Andreetto, Adam',
	year: 2017,
	ref: 'arXiv:1704.04861'
};

export const V2_PAPER: Citation = {
	label: 'MobileNetV2 paper',
	title: 'MobileNetV2: Inverted Residuals and Linear Bottlenecks',
	authors: 'Sandler, Howard, Zhu, Zhmoginov, Chen',
	year: 2018,
	ref: 'arXiv:1801.04381'
};

export const V3_PAPER: Citation = {
	label: 'MobileNetV3 paper',
	title: 'Searching for MobileNetV3',
	authors: 'Howard, Sandler, Chu, Chen, Chen, Tan, Wang, Zhu, Pang, Vasudevan, Le, Adam',
	year: 2019,
	ref: 'arXiv:1905.02244'
};

/**
 * The TF-slim V1 checkpoint table. Its "Million Parameters" count weights + biases + BatchNorm
 * beta, mean and variance (slim's BN has no scale), hence 4.24 where the paper says 4.2.
 */
export const TF_SLIM_V1: Citation = {
	label: 'TF-slim MobileNet V1 page',
	title: 'MobileNet_v1 pre-trained models',
	authors: 'TensorFlow Models authors',
	year: 2018,
	ref: 'tensorflow/models research/slim/nets/mobilenet_v1.md'
};

export const TF_SLIM_V2_V3: Citation = {
	label: 'TF-slim MobileNet V2/V3 page',
	title: 'MobilenNet (V2 and V3) pre-trained models',
	authors: 'TensorFlow Models authors',
	year: 2019,
	ref: 'tensorflow/models research/slim/nets/mobilenet/README.md'
};

/**
 * TensorFlow Lite's page of hosted models, whose quantized table lists Google's 8-bit MobileNets
 * (quantization-aware trained) with their accuracy measured in 8-bit, by the TFLite evaluation tool.
 */
export const TFLITE_HOSTED_MODELS: Citation = {
	label: 'TensorFlow Lite hosted models',
	title: 'Hosted models: image classification, quantized models',
	authors: 'TensorFlow authors',
	year: 2020,
	ref: 'tensorflow/tensorflow tensorflow/lite/g3doc/guide/hosted_models.md'
};

/** V1 paper Table 2: share of mult-adds and parameters per layer type, in percent. */
export const V1_TABLE2: ReadonlyArray<{
	kind: LayerKind;
	label: string;
	multAddsPct: number;
	paramsPct: number;
}> = [
	{ kind: 'pointwise', label: 'Conv 1×1', multAddsPct: 94.86, paramsPct: 74.59 },
	{ kind: 'depthwise', label: 'Conv DW 3×3', multAddsPct: 3.06, paramsPct: 1.06 },
	{ kind: 'conv', label: 'Conv 3×3', multAddsPct: 1.19, paramsPct: 0.02 },
	{ kind: 'fc', label: 'Fully Connected', multAddsPct: 0.18, paramsPct: 24.33 }
];

/**
 * V1 paper Table 3: one 14×14×512 → 512 layer with a 3×3 kernel, and what each change saves.
 * alpha and resolutionMultiplier say which modification the row adds (ρ = 0.714 maps 14 to 10).
 */
export const V1_TABLE3: ReadonlyArray<{
	layer: string;
	separable: boolean;
	alpha: number;
	resolutionMultiplier: number;
	multAddsM: number;
	paramsM: number;
}> = [
	{
		layer: 'Convolution',
		separable: false,
		alpha: 1,
		resolutionMultiplier: 1,
		multAddsM: 462,
		paramsM: 2.36
	},
	{
		layer: 'Depthwise Separable Conv',
		separable: true,
		alpha: 1,
		resolutionMultiplier: 1,
		multAddsM: 52.3,
		paramsM: 0.27
	},
	{
		layer: 'α = 0.75',
		separable: true,
		alpha: 0.75,
		resolutionMultiplier: 1,
		multAddsM: 29.6,
		paramsM: 0.15
	},
	{
		layer: 'ρ = 0.714',
		separable: true,
		alpha: 0.75,
		resolutionMultiplier: 0.714,
		multAddsM: 15.1,
		paramsM: 0.15
	}
];

/** V1 paper Table 3's layer: D_K = 3, M = N = 512, D_F = 14. */
export const V1_TABLE3_LAYER = { dk: 3, m: 512, n: 512, df: 14 } as const;

export interface ModelFigures {
	model: string;
	top1: number;
	multAddsM: number;
	paramsM: number;
	source: Citation;
	table: string;
}

/** V1 paper Table 4: standard convolutions instead of depthwise separable ones. */
export const V1_TABLE4: readonly ModelFigures[] = [
	{
		model: 'Conv MobileNet',
		top1: 71.7,
		multAddsM: 4866,
		paramsM: 29.3,
		source: V1_PAPER,
		table: 'Table 4'
	},
	{
		model: 'MobileNet',
		top1: 70.6,
		multAddsM: 569,
		paramsM: 4.2,
		source: V1_PAPER,
		table: 'Table 4'
	}
];

/** V1 paper Table 6: width multiplier α at resolution 224. */
export const V1_TABLE6: ReadonlyArray<{
	alpha: number;
	top1: number;
	multAddsM: number;
	paramsM: number;
}> = [
	{ alpha: 1, top1: 70.6, multAddsM: 569, paramsM: 4.2 },
	{ alpha: 0.75, top1: 68.4, multAddsM: 325, paramsM: 2.6 },
	{ alpha: 0.5, top1: 63.7, multAddsM: 149, paramsM: 1.3 },
	{ alpha: 0.25, top1: 50.6, multAddsM: 41, paramsM: 0.5 }
];

/** V1 paper Table 7: input resolution at α = 1. */
export const V1_TABLE7: ReadonlyArray<{
	resolution: number;
	top1: number;
	multAddsM: number;
	paramsM: number;
}> = [
	{ resolution: 224, top1: 70.6, multAddsM: 569, paramsM: 4.2 },
	{ resolution: 192, top1: 69.1, multAddsM: 418, paramsM: 4.2 },
	{ resolution: 160, top1: 67.2, multAddsM: 290, paramsM: 4.2 },
	{ resolution: 128, top1: 64.4, multAddsM: 186, paramsM: 4.2 }
];

/** The 16 float checkpoints of the TF-slim V1 page (α × resolution), as printed there. */
export const V1_CHECKPOINTS: ReadonlyArray<{
	alpha: number;
	resolution: number;
	macsM: number;
	paramsM: number;
	top1: number;
	top5: number;
}> = [
	{ alpha: 1, resolution: 224, macsM: 569, paramsM: 4.24, top1: 70.9, top5: 89.9 },
	{ alpha: 1, resolution: 192, macsM: 418, paramsM: 4.24, top1: 70.0, top5: 89.2 },
	{ alpha: 1, resolution: 160, macsM: 291, paramsM: 4.24, top1: 68.0, top5: 87.7 },
	{ alpha: 1, resolution: 128, macsM: 186, paramsM: 4.24, top1: 65.2, top5: 85.8 },
	{ alpha: 0.75, resolution: 224, macsM: 317, paramsM: 2.59, top1: 68.4, top5: 88.2 },
	{ alpha: 0.75, resolution: 192, macsM: 233, paramsM: 2.59, top1: 67.2, top5: 87.3 },
	{ alpha: 0.75, resolution: 160, macsM: 162, paramsM: 2.59, top1: 65.3, top5: 86.0 },
	{ alpha: 0.75, resolution: 128, macsM: 104, paramsM: 2.59, top1: 62.1, top5: 83.9 },
	{ alpha: 0.5, resolution: 224, macsM: 150, paramsM: 1.34, top1: 63.3, top5: 84.9 },
	{ alpha: 0.5, resolution: 192, macsM: 110, paramsM: 1.34, top1: 61.7, top5: 83.6 },
	{ alpha: 0.5, resolution: 160, macsM: 77, paramsM: 1.34, top1: 59.1, top5: 81.9 },
	{ alpha: 0.5, resolution: 128, macsM: 49, paramsM: 1.34, top1: 56.3, top5: 79.4 },
	{ alpha: 0.25, resolution: 224, macsM: 41, paramsM: 0.47, top1: 49.8, top5: 74.2 },
	{ alpha: 0.25, resolution: 192, macsM: 34, paramsM: 0.47, top1: 47.7, top5: 72.3 },
	{ alpha: 0.25, resolution: 160, macsM: 21, paramsM: 0.47, top1: 45.5, top5: 70.3 },
	{ alpha: 0.25, resolution: 128, macsM: 14, paramsM: 0.47, top1: 41.5, top5: 66.3 }
];

/** V1 paper Tables 8 and 9 and V2 paper Table 4: MobileNets against other ImageNet models. */
export const COMPARISON: readonly ModelFigures[] = [
	{
		model: 'MobileNetV1 1.0-224',
		top1: 70.6,
		multAddsM: 569,
		paramsM: 4.2,
		source: V1_PAPER,
		table: 'Table 8'
	},
	{
		model: 'GoogLeNet',
		top1: 69.8,
		multAddsM: 1550,
		paramsM: 6.8,
		source: V1_PAPER,
		table: 'Table 8'
	},
	{
		model: 'VGG 16',
		top1: 71.5,
		multAddsM: 15300,
		paramsM: 138,
		source: V1_PAPER,
		table: 'Table 8'
	},
	{
		model: 'MobileNetV1 0.50-160',
		top1: 60.2,
		multAddsM: 76,
		paramsM: 1.32,
		source: V1_PAPER,
		table: 'Table 9'
	},
	{
		model: 'SqueezeNet',
		top1: 57.5,
		multAddsM: 1700,
		paramsM: 1.25,
		source: V1_PAPER,
		table: 'Table 9'
	},
	{ model: 'AlexNet', top1: 57.2, multAddsM: 720, paramsM: 60, source: V1_PAPER, table: 'Table 9' },
	{
		model: 'MobileNetV1',
		top1: 70.6,
		multAddsM: 575,
		paramsM: 4.2,
		source: V2_PAPER,
		table: 'Table 4'
	},
	{
		model: 'MobileNetV2',
		top1: 72.0,
		multAddsM: 300,
		paramsM: 3.4,
		source: V2_PAPER,
		table: 'Table 4'
	},
	{
		model: 'MobileNetV2 (1.4)',
		top1: 74.7,
		multAddsM: 585,
		paramsM: 6.9,
		source: V2_PAPER,
		table: 'Table 4'
	}
];

/** TF-slim V2 checkpoints at 224 (the page also lists 96–192), as printed there. */
export const V2_CHECKPOINTS: ReadonlyArray<{
	alpha: number;
	resolution: number;
	macsM: number;
	paramsM: number;
	top1: number;
	top5: number;
}> = [
	{ alpha: 1.4, resolution: 224, macsM: 582, paramsM: 6.06, top1: 75.0, top5: 92.5 },
	{ alpha: 1.3, resolution: 224, macsM: 509, paramsM: 5.34, top1: 74.4, top5: 92.1 },
	{ alpha: 1.0, resolution: 224, macsM: 300, paramsM: 3.47, top1: 71.8, top5: 91.0 },
	{ alpha: 0.75, resolution: 224, macsM: 209, paramsM: 2.61, top1: 69.8, top5: 89.6 },
	{ alpha: 0.5, resolution: 224, macsM: 97, paramsM: 1.95, top1: 65.4, top5: 86.4 },
	{ alpha: 0.35, resolution: 224, macsM: 59, paramsM: 1.66, top1: 60.3, top5: 82.9 }
];

/** The 8-bit models of TFLITE_HOSTED_MODELS that the lab runs, as printed there. */
export const TFLITE_QUANT_CHECKPOINTS: ReadonlyArray<{
	version: 'v1' | 'v2';
	alpha: number;
	resolution: number;
	top1: number;
	top5: number;
}> = [
	{ version: 'v1', alpha: 1, resolution: 224, top1: 70.0, top5: 89.0 },
	{ version: 'v1', alpha: 0.5, resolution: 160, top1: 57.2, top5: 80.5 },
	{ version: 'v2', alpha: 1, resolution: 224, top1: 70.8, top5: 89.9 }
];

/** TF-slim V3 float checkpoints (all at 224), as printed there. */
export const V3_CHECKPOINTS: ReadonlyArray<{
	variant: 'v3-large' | 'v3-small';
	alpha: number;
	macsM: number;
	paramsM: number;
	top1: number;
}> = [
	{ variant: 'v3-large', alpha: 1, macsM: 217, paramsM: 5.4, top1: 75.2 },
	{ variant: 'v3-large', alpha: 0.75, macsM: 155, paramsM: 4.0, top1: 73.3 },
	{ variant: 'v3-small', alpha: 1, macsM: 66, paramsM: 2.9, top1: 67.5 },
	{ variant: 'v3-small', alpha: 0.75, macsM: 44, paramsM: 2.4, top1: 65.4 }
];

/** V3 paper headline for V3-Large 1.0 (Table 3). */
export const V3_LARGE_PAPER: ModelFigures = {
	model: 'MobileNetV3-Large 1.0',
	top1: 75.2,
	multAddsM: 219,
	paramsM: 5.4,
	source: V3_PAPER,
	table: 'Table 3'
};

export interface Erratum {
	id: string;
	source: Citation;
	where: string;
	/** What is printed, verbatim. */
	printed: string;
	/** What the engine computes instead and why they differ; the numbers come from the engine. */
	explanation: string;
}

export const ERRATA: readonly Erratum[] = [
	{
		id: 'v1-relu6',
		source: V1_PAPER,
		where: 'Section 3.1, Figure 3',
		printed: 'ReLU',
		explanation: 'The released TF-slim and Keras models use ReLU6 after every BatchNorm.'
	},
	{
		id: 'v1-dw13-stride',
		source: V1_PAPER,
		where: 'Table 1, 13th "Conv dw"',
		printed: 's2',
		explanation: 'Its input and output are both 7×7, so the stride is 1, as in the released model.'
	},
	{
		id: 'v1-conv1-share',
		source: V1_PAPER,
		where: 'Table 2, "Conv 3×3" mult-adds',
		printed: '1.19%',
		explanation:
			'The layer-by-layer share of conv1 has the two digits the other way round; with it the four shares add up to 100%.'
	},
	{
		id: 'v1-table4-no-fc',
		source: V1_PAPER,
		where: 'Table 4, "Conv MobileNet" mult-adds',
		printed: '4866',
		explanation:
			"Matches the full-convolution network without its FC layer, while Table 4's 569 for MobileNet and its 29.3M parameters include the FC."
	},
	{
		id: 'v1-table7-160',
		source: V1_PAPER,
		where: 'Table 7, 160 × 160 mult-adds',
		printed: '290',
		explanation: 'The exact count rounds to 291, as TF-slim prints; the paper truncates.'
	},
	{
		id: 'tf-slim-v1-macs',
		source: TF_SLIM_V1,
		where: 'α = 0.75 rows and 0.25_192',
		printed: '317, 233, 162, 104 (α 0.75); 34 (0.25_192)',
		explanation:
			'The layer-by-layer count agrees with the paper (325 for α 0.75 at 224); every slim α 0.75 row is lower than it, and 0.25_192 is higher.'
	},
	{
		id: 'v2-v1-madds',
		source: V2_PAPER,
		where: 'Table 4, MobileNetV1',
		printed: '575M',
		explanation: 'The V1 paper prints 569M, and the layer-by-layer count agrees with it.'
	},
	{
		id: 'v2-1.0-headline',
		source: V2_PAPER,
		where: 'Table 4, MobileNetV2',
		printed: '300M, 3.4M',
		explanation: 'Both truncated: the exact counts round up, and TF-slim prints 3.47M.'
	},
	{
		id: 'v2-1.4-headline',
		source: V2_PAPER,
		where: 'Table 4, MobileNetV2 (1.4)',
		printed: '585M, 6.9M',
		explanation:
			'The released 1.4 model counts what TF-slim prints (582, 6.06); no count of it gives 6.9M.'
	},
	{
		id: 'v3-large-madds',
		source: V3_PAPER,
		where: 'Table 3, V3-Large 1.0',
		printed: '219',
		explanation: 'The released model counts what TF-slim and Keras print (217).'
	},
	{
		id: 'v3-small-head',
		source: TF_SLIM_V2_V3,
		where: 'V3 table, Small dm=1 (float)',
		printed: '66, 2.9',
		explanation:
			'The released Small model, with its 1024-wide last layer, counts far less. A 1280-wide last layer explains the 2.9M parameters but adds well under 1M mult-adds, so 66M stays unexplained.'
	}
];
