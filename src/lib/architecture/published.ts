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
 * The TF-slim V1 checkpoint table. Its "Million Parameters" match weights + biases + three values
 * per batch-normalised channel (4.24 where the paper says 4.2). Which three the page does not say:
 * slim's V1 arg scope sets BatchNorm's `scale` and `center`, so the checkpoints hold all four
 * (gamma, beta, moving mean and variance), and its classifier has 1001 outputs, not 1000.
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
	/** Milliseconds on the paper's phone, when it prints them (V2 Table 4: one Pixel 1 core). */
	latencyMs?: number;
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

/**
 * A printed table quoted figure by figure: each row names its figures with the `Quote` field they
 * answer to. Percentages (top1, top5, map, miou, accuracy, share) are in percent, multAdds and
 * params in millions, multAddsB and gflops in billions, latency in milliseconds, memory in KB.
 */
export interface PrintedRow {
	row: string;
	top1?: number;
	top5?: number;
	multAdds?: number;
	params?: number;
	multAddsB?: number;
	gflops?: number;
	latency?: number;
	map?: number;
	miou?: number;
	accuracy?: number;
	share?: number;
	memory?: number;
}

export interface PrintedTable {
	source: Citation;
	/** 'Table 13'; null for a figure printed in the text or on a model page. */
	table: string | null;
	/** Decimals a column is printed with, where a figure's own literal loses them (22.0 → 22). */
	digits?: Partial<Record<Exclude<keyof PrintedRow, 'row'>, number>>;
	rows: readonly PrintedRow[];
}

/** V1 paper Table 5: thinner (α = 0.75) against shallower (five 14×14 blocks removed). */
export const V1_TABLE5: PrintedTable = {
	source: V1_PAPER,
	table: 'Table 5',
	rows: [
		{ row: '0.75 MobileNet', top1: 68.4, multAdds: 325, params: 2.6 },
		{ row: 'Shallow MobileNet', top1: 65.3, multAdds: 307, params: 2.9 }
	]
};

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
		latencyMs: 113,
		source: V2_PAPER,
		table: 'Table 4'
	},
	{
		model: 'ShuffleNet (1.5)',
		top1: 71.5,
		multAddsM: 292,
		paramsM: 3.4,
		source: V2_PAPER,
		table: 'Table 4'
	},
	{
		model: 'ShuffleNet (x2)',
		top1: 73.7,
		multAddsM: 524,
		paramsM: 5.4,
		source: V2_PAPER,
		table: 'Table 4'
	},
	{
		model: 'NasNet-A',
		top1: 74.0,
		multAddsM: 564,
		paramsM: 5.3,
		latencyMs: 183,
		source: V2_PAPER,
		table: 'Table 4'
	},
	{
		model: 'MobileNetV2',
		top1: 72.0,
		multAddsM: 300,
		paramsM: 3.4,
		latencyMs: 75,
		source: V2_PAPER,
		table: 'Table 4'
	},
	{
		model: 'MobileNetV2 (1.4)',
		top1: 74.7,
		multAddsM: 585,
		paramsM: 6.9,
		latencyMs: 143,
		source: V2_PAPER,
		table: 'Table 4'
	}
];

/**
 * The 22 TF-slim V2 float checkpoints (α × resolution), as printed there, with the page's
 * latency on one large core of a Pixel 1 (ms).
 */
export const V2_CHECKPOINTS: ReadonlyArray<{
	alpha: number;
	resolution: number;
	macsM: number;
	paramsM: number;
	top1: number;
	top5: number;
	latencyMs: number;
}> = [
	{
		alpha: 1.4,
		resolution: 224,
		macsM: 582,
		paramsM: 6.06,
		top1: 75.0,
		top5: 92.5,
		latencyMs: 138.0
	},
	{
		alpha: 1.3,
		resolution: 224,
		macsM: 509,
		paramsM: 5.34,
		top1: 74.4,
		top5: 92.1,
		latencyMs: 123.0
	},
	{
		alpha: 1.0,
		resolution: 224,
		macsM: 300,
		paramsM: 3.47,
		top1: 71.8,
		top5: 91.0,
		latencyMs: 73.8
	},
	{
		alpha: 1.0,
		resolution: 192,
		macsM: 221,
		paramsM: 3.47,
		top1: 70.7,
		top5: 90.1,
		latencyMs: 55.1
	},
	{
		alpha: 1.0,
		resolution: 160,
		macsM: 154,
		paramsM: 3.47,
		top1: 68.8,
		top5: 89.0,
		latencyMs: 40.2
	},
	{
		alpha: 1.0,
		resolution: 128,
		macsM: 99,
		paramsM: 3.47,
		top1: 65.3,
		top5: 86.9,
		latencyMs: 27.6
	},
	{ alpha: 1.0, resolution: 96, macsM: 56, paramsM: 3.47, top1: 60.3, top5: 83.2, latencyMs: 17.6 },
	{
		alpha: 0.75,
		resolution: 224,
		macsM: 209,
		paramsM: 2.61,
		top1: 69.8,
		top5: 89.6,
		latencyMs: 55.8
	},
	{
		alpha: 0.75,
		resolution: 192,
		macsM: 153,
		paramsM: 2.61,
		top1: 68.7,
		top5: 88.9,
		latencyMs: 41.6
	},
	{
		alpha: 0.75,
		resolution: 160,
		macsM: 107,
		paramsM: 2.61,
		top1: 66.4,
		top5: 87.3,
		latencyMs: 30.4
	},
	{
		alpha: 0.75,
		resolution: 128,
		macsM: 69,
		paramsM: 2.61,
		top1: 63.2,
		top5: 85.3,
		latencyMs: 21.9
	},
	{
		alpha: 0.75,
		resolution: 96,
		macsM: 39,
		paramsM: 2.61,
		top1: 58.8,
		top5: 81.6,
		latencyMs: 14.2
	},
	{
		alpha: 0.5,
		resolution: 224,
		macsM: 97,
		paramsM: 1.95,
		top1: 65.4,
		top5: 86.4,
		latencyMs: 28.7
	},
	{
		alpha: 0.5,
		resolution: 192,
		macsM: 71,
		paramsM: 1.95,
		top1: 63.9,
		top5: 85.4,
		latencyMs: 21.1
	},
	{
		alpha: 0.5,
		resolution: 160,
		macsM: 50,
		paramsM: 1.95,
		top1: 61.0,
		top5: 83.2,
		latencyMs: 14.9
	},
	{ alpha: 0.5, resolution: 128, macsM: 32, paramsM: 1.95, top1: 57.7, top5: 80.8, latencyMs: 9.9 },
	{ alpha: 0.5, resolution: 96, macsM: 18, paramsM: 1.95, top1: 51.2, top5: 75.8, latencyMs: 6.4 },
	{
		alpha: 0.35,
		resolution: 224,
		macsM: 59,
		paramsM: 1.66,
		top1: 60.3,
		top5: 82.9,
		latencyMs: 19.7
	},
	{
		alpha: 0.35,
		resolution: 192,
		macsM: 43,
		paramsM: 1.66,
		top1: 58.2,
		top5: 81.2,
		latencyMs: 14.6
	},
	{
		alpha: 0.35,
		resolution: 160,
		macsM: 30,
		paramsM: 1.66,
		top1: 55.7,
		top5: 79.1,
		latencyMs: 10.5
	},
	{
		alpha: 0.35,
		resolution: 128,
		macsM: 20,
		paramsM: 1.66,
		top1: 50.8,
		top5: 75.0,
		latencyMs: 6.9
	},
	{ alpha: 0.35, resolution: 96, macsM: 11, paramsM: 1.66, top1: 45.5, top5: 70.4, latencyMs: 4.5 }
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
	latencyMs: 51,
	source: V3_PAPER,
	table: 'Table 3'
};

/** What a value of an erratum is, so a page can label it in any language. */
export type ErratumLabel =
	| 'macs'
	| 'params'
	| 'share'
	| 'stride'
	| 'activation'
	| 'without-fc'
	| 'with-fc'
	| 'without-conv1';

/**
 * One value of an erratum, as printed or as computed: a count shown to `digits` decimals of a
 * million (as the papers print them), a share shown to `digits` decimals of a percent, or text.
 * `model` tells apart several networks' values.
 */
export type ErratumValue =
	| {
			label: ErratumLabel;
			kind: 'millions' | 'percent';
			value: number;
			digits: number;
			model?: string;
	  }
	| { label: ErratumLabel; kind: 'text'; value: string; model?: string };

const printedMacs = (millions: number, model?: string): ErratumValue => ({
	label: 'macs',
	kind: 'millions',
	value: millions * 1e6,
	digits: 0,
	...(model && { model })
});
const printedParams = (millions: number): ErratumValue => ({
	label: 'params',
	kind: 'millions',
	value: millions * 1e6,
	digits: 1
});
/**
 * V3 paper Table 3 (float models; latency on one large core of a Pixel 1), as a revised arXiv
 * version prints it (the abstract's "20 %" wording; v1 printed slower times for the same models).
 * Which revision: copies read for the record disagree on V3-Small only. One (Table 2's head 1280)
 * prints 66M / 2.9M and 44M / 2.4M, as here and as TF-slim's page; another, most likely v5 (head
 * 1024), prints 56M / 2.5M and 44M / 2.0M, the released model's counts. Neither PDF could be
 * opened here to settle it: see the `v3-small-head` erratum.
 */
export const V3_TABLE3: PrintedTable = {
	source: V3_PAPER,
	table: 'Table 3',
	digits: { top1: 1 },
	rows: [
		{
			row: 'V3-Large 1.0',
			top1: V3_LARGE_PAPER.top1,
			multAdds: V3_LARGE_PAPER.multAddsM,
			params: V3_LARGE_PAPER.paramsM,
			latency: V3_LARGE_PAPER.latencyMs
		},
		{ row: 'V3-Large 0.75', top1: 73.3, multAdds: 155, params: 4.0, latency: 39 },
		{ row: 'MnasNet-A1', top1: 75.2, multAdds: 315, params: 3.9, latency: 71 },
		{ row: 'Proxyless', top1: 74.6, multAdds: 320, params: 4.0, latency: 72 },
		{ row: 'V2 1.0', top1: 72.0, multAdds: 300, params: 3.4, latency: 64 },
		{ row: 'V3-Small 1.0', top1: 67.4, multAdds: 66, params: 2.9, latency: 15.8 },
		{ row: 'V3-Small 0.75', top1: 65.4, multAdds: 44, params: 2.4, latency: 12.8 },
		{ row: 'Mnas-small', top1: 64.9, multAdds: 65.1, params: 1.9, latency: 20.3 },
		{ row: 'V2 0.35', top1: 60.8, multAdds: 59.2, params: 1.6, latency: 16.6 }
	]
};

/** V3 paper Table 4: 8-bit models, Pixel 1 latency. */
export const V3_TABLE4: PrintedTable = {
	source: V3_PAPER,
	table: 'Table 4',
	digits: { top1: 1 },
	rows: [
		{ row: 'V3-Large 1.0', top1: 73.8, latency: 44 },
		{ row: 'V2 1.0', top1: 70.9, latency: 52 },
		{ row: 'V3-Small', top1: 64.9, latency: 15.5 },
		{ row: 'V2 0.35', top1: 57.2, latency: 16.7 }
	]
};

/** V3 paper Table 5: where V3-Large uses h-swish (optimised implementation, Pixel 1). */
export const V3_TABLE5: PrintedTable = {
	source: V3_PAPER,
	table: 'Table 5',
	digits: { top1: 1 },
	rows: [
		{ row: 'V3-Large 1.0', top1: 75.2, latency: 51.4 },
		{ row: 'ReLU', top1: 74.5, latency: 50.5 },
		{ row: 'h-swish@16', top1: 75.4, latency: 53.5 },
		{ row: 'h-swish@112', top1: 75.0, latency: 51 }
	]
};

/** V3 paper section 5.1: what the two hand redesigns saved (text figures, final version). */
export const V3_REDESIGN: PrintedTable = {
	source: V3_PAPER,
	table: null,
	rows: [
		{ row: 'last stage', latency: 7, share: 11, multAdds: 30 },
		{ row: 'first layer', latency: 2, multAdds: 10 }
	]
};

/** V3 paper Table 6: SSDLite on COCO with V3 backbones (Pixel 1 latency). † halves C4–C5. */
export const V3_TABLE6: PrintedTable = {
	source: V3_PAPER,
	table: 'Table 6',
	digits: { map: 1 },
	rows: [
		{ row: 'V1', map: 22.2, latency: 228, params: 5.1, multAddsB: 1.3 },
		{ row: 'V2', map: 22.1, latency: 162, params: 4.3, multAddsB: 0.8 },
		{ row: 'MnasNet', map: 23.0, latency: 174, params: 4.88, multAddsB: 0.84 },
		{ row: 'V3', map: 22.0, latency: 137, params: 4.97, multAddsB: 0.62 },
		{ row: 'V3 reduced', map: 22.0, latency: 119, params: 3.22, multAddsB: 0.51 },
		{ row: 'V3-Small reduced', map: 16.1, latency: 43, params: 1.77, multAddsB: 0.16 }
	]
};

/** V1 paper Table 10: Stanford Dogs. */
export const V1_TABLE10: PrintedTable = {
	source: V1_PAPER,
	table: 'Table 10',
	rows: [
		{ row: 'Inception V3', top1: 84, multAdds: 5000, params: 23.2 },
		{ row: '1.0 MobileNet-224', top1: 83.3, multAdds: 569, params: 3.3 },
		{ row: '0.75 MobileNet-224', top1: 81.9, multAdds: 325, params: 1.9 },
		{ row: '1.0 MobileNet-192', top1: 81.9, multAdds: 418, params: 3.3 },
		{ row: '0.75 MobileNet-192', top1: 80.5, multAdds: 239, params: 1.9 }
	]
};

/**
 * V1 paper Table 11 (share of Im2GPS photos placed within a distance of the truth), keyed
 * 'scale/model', and section 4.4's sizes of the two PlaNets.
 */
export const V1_TABLE11: PrintedTable = {
	source: V1_PAPER,
	table: 'Table 11',
	digits: { accuracy: 1 },
	rows: [
		{ row: 'continent/Im2GPS', accuracy: 51.9 },
		{ row: 'continent/PlaNet', accuracy: 77.6 },
		{ row: 'continent/PlaNet MobileNet', accuracy: 79.3 },
		{ row: 'country/Im2GPS', accuracy: 35.4 },
		{ row: 'country/PlaNet', accuracy: 64.0 },
		{ row: 'country/PlaNet MobileNet', accuracy: 60.3 },
		{ row: 'region/Im2GPS', accuracy: 32.1 },
		{ row: 'region/PlaNet', accuracy: 51.1 },
		{ row: 'region/PlaNet MobileNet', accuracy: 45.2 },
		{ row: 'city/Im2GPS', accuracy: 21.9 },
		{ row: 'city/PlaNet', accuracy: 31.7 },
		{ row: 'city/PlaNet MobileNet', accuracy: 31.7 },
		{ row: 'street/Im2GPS', accuracy: 2.5 },
		{ row: 'street/PlaNet', accuracy: 11.0 },
		{ row: 'street/PlaNet MobileNet', accuracy: 11.4 }
	]
};

export const V1_PLANET_SIZES: PrintedTable = {
	source: V1_PAPER,
	table: null,
	rows: [
		{ row: 'PlaNet', params: 52, multAddsB: 5.74 },
		{ row: 'PlaNet MobileNet', params: 13 }
	]
};

/** V1 paper Table 12: face attributes, a MobileNet distilled from an in-house classifier. */
export const V1_TABLE12: PrintedTable = {
	source: V1_PAPER,
	table: 'Table 12',
	rows: [
		{ row: '1.0 MobileNet-224', map: 88.7, multAdds: 568, params: 3.2 },
		{ row: '0.5 MobileNet-224', map: 88.1, multAdds: 149, params: 0.8 },
		{ row: '0.25 MobileNet-224', map: 87.2, multAdds: 45, params: 0.2 },
		{ row: '1.0 MobileNet-128', map: 88.1, multAdds: 185, params: 3.2 },
		{ row: '0.5 MobileNet-128', map: 87.7, multAdds: 48, params: 0.8 },
		{ row: '0.25 MobileNet-128', map: 86.4, multAdds: 15, params: 0.2 },
		{ row: 'Baseline', map: 86.9, multAdds: 1600, params: 7.5 }
	]
};

/** V1 paper Table 13: COCO detection, keyed 'framework/backbone' (mAP in %, billions). */
export const V1_TABLE13: PrintedTable = {
	source: V1_PAPER,
	table: 'Table 13',
	digits: { map: 1, multAddsB: 1, params: 1 },
	rows: [
		{ row: 'SSD 300/deeplab-VGG', map: 21.1, multAddsB: 34.9, params: 33.1 },
		{ row: 'SSD 300/Inception V2', map: 22.0, multAddsB: 3.8, params: 13.7 },
		{ row: 'SSD 300/MobileNet', map: 19.3, multAddsB: 1.2, params: 6.8 },
		{ row: 'Faster-RCNN 300/VGG', map: 22.9, multAddsB: 64.3, params: 138.5 },
		{ row: 'Faster-RCNN 300/Inception V2', map: 15.4, multAddsB: 118.2, params: 13.3 },
		{ row: 'Faster-RCNN 300/MobileNet', map: 16.4, multAddsB: 25.2, params: 6.1 },
		{ row: 'Faster-RCNN 600/VGG', map: 25.7, multAddsB: 149.6, params: 138.5 },
		{ row: 'Faster-RCNN 600/Inception V2', map: 21.9, multAddsB: 129.6, params: 13.3 },
		{ row: 'Faster-RCNN 600/MobileNet', map: 19.8, multAddsB: 30.5, params: 6.1 }
	]
};

/** V1 paper Table 14: FaceNet distilled into MobileNets (accuracy at 1e-4 false accepts). */
export const V1_TABLE14: PrintedTable = {
	source: V1_PAPER,
	table: 'Table 14',
	rows: [
		{ row: 'FaceNet', accuracy: 83, multAdds: 1600, params: 7.5 },
		{ row: '1.0 MobileNet-160', accuracy: 79.4, multAdds: 286, params: 4.9 },
		{ row: '1.0 MobileNet-128', accuracy: 78.3, multAdds: 185, params: 5.5 }
	]
};

/** V2 paper Table 3: the largest activations to keep in memory at once (16-bit, KB). */
export const V2_TABLE3: PrintedTable = {
	source: V2_PAPER,
	table: 'Table 3',
	rows: [
		{ row: 'MobileNetV1', memory: 800 },
		{ row: 'MobileNetV2', memory: 200 },
		{ row: 'ShuffleNet (2x,g=3)', memory: 600 }
	]
};

/** V2 paper Table 6: COCO detection at 320 × 320 (Pixel 1 latency for the MobileNets). */
export const V2_TABLE6: PrintedTable = {
	source: V2_PAPER,
	table: 'Table 6',
	digits: { map: 1, params: 1, multAddsB: 1 },
	rows: [
		{ row: 'SSD300', map: 23.2, params: 36.1, multAddsB: 35.2 },
		{ row: 'SSD512', map: 26.8, params: 36.1, multAddsB: 99.5 },
		{ row: 'YOLOv2', map: 21.6, params: 50.7, multAddsB: 17.5 },
		{ row: 'MNet V1 + SSDLite', map: 22.2, params: 5.1, multAddsB: 1.3, latency: 270 },
		{ row: 'MNet V2 + SSDLite', map: 22.1, params: 4.3, multAddsB: 0.8, latency: 200 }
	]
};

/** V2 paper Table 7: DeepLabv3 on PASCAL VOC 2012 val (output stride 16, single scale). */
export const V2_TABLE7: PrintedTable = {
	source: V2_PAPER,
	table: 'Table 7',
	digits: { miou: 2, params: 2 },
	rows: [
		{ row: 'MNet V1 ASPP', miou: 75.29, params: 11.15, multAddsB: 14.25 },
		{ row: 'MNet V2* ASPP', miou: 75.7, params: 4.52, multAddsB: 5.8 },
		{ row: 'MNet V2*', miou: 75.32, params: 2.11, multAddsB: 2.75 },
		{ row: 'ResNet-101 ASPP', miou: 80.49, params: 58.16, multAddsB: 81.0 }
	]
};

export const TORCHVISION: Citation = {
	label: 'torchvision model pages',
	title: 'torchvision.models: weights and their metrics',
	authors: 'PyTorch authors',
	year: 2024,
	ref: 'pytorch.org/vision/stable/models'
};

export const OPENVINO: Citation = {
	label: 'OpenVINO Open Model Zoo',
	title: 'Open Model Zoo: public model descriptions',
	authors: 'OpenVINO authors',
	year: 2022,
	ref: 'docs.openvino.ai, omz_models_model_mobilenet_v2_1_0_224'
};

export const KERAS_APPLICATIONS: Citation = {
	label: 'Keras Applications',
	title: 'Keras Applications: Xception',
	authors: 'Keras authors',
	year: 2023,
	ref: 'tf.keras.applications.xception'
};

/**
 * "FLOPs" as two model pages print them for one network: torchvision counts a multiply-add once,
 * OpenVINO's zoo twice (and a little more), so the same MobileNetV2 gets two figures.
 */
export const TORCHVISION_FLOPS: PrintedTable = {
	source: TORCHVISION,
	table: null,
	digits: { gflops: 2 },
	rows: [
		{ row: 'mobilenet_v2', gflops: 0.3 },
		{ row: 'squeezenet1_0', gflops: 0.82 }
	]
};

export const OPENVINO_FLOPS: PrintedTable = {
	source: OPENVINO,
	table: null,
	rows: [{ row: 'mobilenet-v2-1.0-224', gflops: 0.615 }]
};

/** Keras's Xception, the largest network lecture notes set beside MobileNets (299 × 299 input). */
export const KERAS_XCEPTION: PrintedTable = {
	source: KERAS_APPLICATIONS,
	table: null,
	digits: { top1: 1, top5: 1 },
	rows: [{ row: 'Xception', top1: 79.0, top5: 94.5 }]
};

/**
 * What kind of disagreement an erratum is: a printed figure that is wrong ('misprint'), a paper
 * that describes a slightly different network than the one released ('release'), or a figure cut
 * off where the source rounds elsewhere ('rounding').
 */
export type ErratumKind = 'misprint' | 'release' | 'rounding';

export interface Erratum {
	id: string;
	kind: ErratumKind;
	source: Citation;
	where: string;
	/** What the source prints, to the digits it prints (1.19%, 3.4M), so a page can show it in any language. */
	printed: readonly ErratumValue[];
	/** What the engine computes instead and why they differ; the numbers come from the engine. */
	explanation: string;
}

export const ERRATA: readonly Erratum[] = [
	{
		id: 'v1-relu6',
		kind: 'release',
		source: V1_PAPER,
		where: 'Section 3.1, Figure 3',
		printed: [{ label: 'activation', kind: 'text', value: 'ReLU' }],
		explanation:
			'The released TF-slim and Keras models use ReLU6 after every BatchNorm, and the V2 paper cites the V1 paper for ReLU6; the V1 paper does not say which its own runs used.'
	},
	{
		id: 'v1-dw13-stride',
		kind: 'misprint',
		source: V1_PAPER,
		where: 'Table 1, 13th "Conv dw"',
		printed: [{ label: 'stride', kind: 'text', value: 's2' }],
		explanation:
			'Table 1 gives input sizes: this layer and the next both take 7×7 maps, so the stride is 1, as in the released model.'
	},
	{
		id: 'v1-conv1-share',
		kind: 'misprint',
		source: V1_PAPER,
		where: 'Table 2, "Conv 3×3" mult-adds',
		printed: [{ label: 'share', kind: 'percent', value: 0.0119, digits: 2 }],
		explanation:
			'The layer-by-layer share of conv1 has the two digits the other way round; with it the four shares add up to 100%.'
	},
	{
		id: 'v1-table4-no-fc',
		kind: 'misprint',
		source: V1_PAPER,
		where: 'Table 4, "Conv MobileNet" mult-adds',
		printed: [printedMacs(4866)],
		explanation:
			"Matches the engine's full-convolution network without its FC layer (with it, 4867), while Table 4's 569 for MobileNet and both parameter counts include the FC. Consistent with leaving the FC out, not proof of it: the paper does not publish that network."
	},
	{
		id: 'v1-table7-160',
		kind: 'rounding',
		source: V1_PAPER,
		where: 'Table 7, 160 × 160 mult-adds',
		printed: [printedMacs(290)],
		explanation:
			"The exact count rounds to 291, as TF-slim prints; this cell is cut off where the paper rounds elsewhere (569 for 568.7), as is Table 9's 76 for the 0.50-160 model."
	},
	{
		id: 'tf-slim-v1-macs',
		kind: 'misprint',
		source: TF_SLIM_V1,
		where: 'α = 0.75 rows and 0.25_192',
		printed: [
			printedMacs(317, '0.75-224'),
			printedMacs(233, '0.75-192'),
			printedMacs(162, '0.75-160'),
			printedMacs(104, '0.75-128'),
			printedMacs(34, '0.25-192')
		],
		explanation:
			'Every α 0.75 figure is the count without the first (standard) convolution; 0.25_192 is above the count, with no such explanation.'
	},
	{
		id: 'v1-planet-madds',
		kind: 'misprint',
		source: V1_PAPER,
		where: 'Section 4.4, the MobileNet PlaNet',
		printed: [{ label: 'macs', kind: 'millions', value: 0.58e6, digits: 2 }],
		explanation:
			'A V1 body costs 0.57 billion mult-adds, and a final layer of 10 million weights about 0.01 billion more: 0.58 billion, not million.'
	},
	{
		id: 'v2-v1-madds',
		kind: 'misprint',
		source: V2_PAPER,
		where: 'Table 4, MobileNetV1',
		printed: [printedMacs(575)],
		explanation: 'The V1 paper prints 569M, and the layer-by-layer count agrees with it.'
	},
	{
		id: 'v2-1.0-headline',
		kind: 'rounding',
		source: V2_PAPER,
		where: 'Table 4, MobileNetV2',
		printed: [printedMacs(300), printedParams(3.4)],
		explanation: 'Both cut off: the exact counts round to 301M and 3.5M, and TF-slim prints 3.47M.'
	},
	{
		id: 'v2-1.4-headline',
		kind: 'misprint',
		source: V2_PAPER,
		where: 'Table 4, MobileNetV2 (1.4)',
		printed: [printedMacs(585), printedParams(6.9)],
		explanation:
			'The released 1.4 model counts what TF-slim prints (582, 6.06); no count of it gives 6.9M.'
	},
	{
		id: 'v3-large-madds',
		kind: 'misprint',
		source: V3_PAPER,
		where: 'Table 3, V3-Large 1.0',
		printed: [printedMacs(219)],
		explanation: 'The released model counts what TF-slim and Keras print (217).'
	},
	{
		id: 'v3-small-head',
		kind: 'release',
		source: V3_PAPER,
		where: "Table 3, V3-Small 1.0 (TF-slim's model page repeats it)",
		printed: [printedMacs(66), printedParams(2.9)],
		explanation:
			"The paper's Table 2 ends V3-Small with a 1280-wide layer, the released model (TF-slim's code, Keras) with 1024. 1280 explains the 2.9M parameters but adds well under 1M mult-adds, so 66M stays unexplained."
	}
];
