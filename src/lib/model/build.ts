/**
 * Spec → tf.layers model. Every layer of the architecture engine's spec becomes tf.layers
 * layers with its Keras name, in the spec's order, so the op counts the lab shows and the
 * network that runs are built from the same object, and official weights load by name.
 *
 * The tf.layers model holds the layers and their weights. A pass runs those same layers in the
 * model's order with `forward`, which returns the probabilities and whichever spec layers' outputs
 * (after BatchNorm and activation) are asked for: all activations come from a single pass.
 * tf.layers' own executor (`model.predict`) does the same work with more bookkeeping per layer,
 * which cost about a sixth of a pass for the small networks.
 */
import * as tf from '@tensorflow/tfjs-core';
import { layers, model as tfModel } from '@tensorflow/tfjs-layers';
import type { LayersModel, SymbolicTensor } from '@tensorflow/tfjs-layers';
import type { Activation, LayerSpec, NetworkSpec } from '$lib/architecture';
import { BN_EPSILON, foldBatchNorm as foldBatchNorm_ } from './fold-batchnorm';
import { FusedConv, KerasActivation } from './layers';
import {
	conformWeights,
	seChannels,
	seConvNames,
	type WeightArray,
	type WeightForm,
	type WeightMap
} from './weights';

export interface BuildOptions {
	/**
	 * Fold BatchNorm into the convolutions (default): the inference model TFLite would run.
	 * False builds the Keras model as published: conv → BatchNormalization → activation.
	 */
	foldBatchNorm?: boolean;
	/** How the weights come (default 'keras'); 'folded' ones build only the folded network. */
	form?: WeightForm;
	/**
	 * The weights already went through prepareWeights() with the same folding (for the same
	 * version and α; resolution does not change weights), so they are used as they are.
	 */
	prepared?: boolean;
	/**
	 * Run one pass on a blank input before returning (default false), so that the first real
	 * pass is as fast as the later ones: XNNPACK creates each layer's operator, packing its
	 * weights, on the layer's first run, which made the first pass 2–3× slower. TFLite does
	 * the same in its prepare step. (WebGL compiles its shaders then; the cpu backend gains
	 * nothing.)
	 */
	warmUp?: boolean;
}

/** One tf.layers layer of a pass: which values it reads and which it writes. */
export interface Step {
	readonly layer: layers.Layer;
	/** Indices into the pass's values; value 0 is the network's input. */
	readonly inputs: readonly number[];
	readonly output: number;
	/** The spec layer it belongs to (a conv's BatchNorm and activation belong to the conv). */
	readonly owner: string;
}

export interface PassOutputs {
	/** [1, classes]. */
	probabilities: tf.Tensor;
	/** The outputs asked for, by spec layer name. */
	layers: Map<string, tf.Tensor>;
}

export interface BuiltNetwork {
	readonly spec: NetworkSpec;
	readonly folded: boolean;
	/** Input [1, res, res, 3] → [probabilities [1, classes], ...one output per spec layer]. */
	readonly model: LayersModel;
	/** The model's layers in the order they run (the input layer left out). */
	readonly steps: readonly Step[];
	/** Spec layer names, in spec order. */
	readonly layerNames: readonly string[];
	/**
	 * One pass on `input` [1, res, res, 3] (which stays the caller's). Returns new tensors, the
	 * caller's to dispose; every other intermediate is freed as soon as nothing reads it.
	 */
	forward(input: tf.Tensor4D, keep?: ReadonlySet<string>): PassOutputs;
	/** Frees every weight of the network. Idempotent. */
	dispose(): void;
}

export const INPUT_NAME = 'input_1';

type Sym = SymbolicTensor;

/** Builds a layer graph for one spec; `owners` records which spec layer each tf layer serves. */
class GraphBuilder {
	readonly owners = new Map<string, string>();
	private owner = '';

	constructor(private readonly folded: boolean) {}

	for(spec: LayerSpec): this {
		this.owner = spec.name;
		return this;
	}

	apply(layer: layers.Layer, x: Sym | Sym[]): Sym {
		if (this.owners.has(layer.name)) throw new Error(`Duplicate layer name ${layer.name}.`);
		this.owners.set(layer.name, this.owner);
		return layer.apply(x) as Sym;
	}

	activation(x: Sym, activation: Activation, name: string): Sym {
		if (activation === 'linear') return x;
		if (activation === 'hswish' || activation === 'hsigmoid') {
			return this.apply(new KerasActivation({ name, activation }), x);
		}
		return this.apply(layers.activation({ name, activation }), x);
	}

	/** conv / pointwise / depthwise / fc, with BatchNorm and activation per the spec. */
	conv(spec: LayerSpec, x: Sym): Sym {
		const actName = spec.activationName ?? `${spec.name}/${spec.activation}`;
		if (this.folded && spec.kind !== 'fc') {
			const fused = new FusedConv({
				name: spec.name,
				kind: spec.kind as 'conv' | 'pointwise' | 'depthwise',
				kernel: spec.kernel,
				stride: spec.stride,
				filters: spec.output[2],
				useBias: spec.useBias || spec.batchNorm,
				activation: spec.activation
			});
			return this.apply(fused, x);
		}
		const common = {
			name: spec.name,
			kernelSize: spec.kernel,
			strides: spec.stride,
			padding: 'same' as const,
			useBias: spec.useBias
		};
		let y =
			spec.kind === 'depthwise'
				? this.apply(layers.depthwiseConv2d({ ...common, depthwiseInitializer: 'zeros' }), x)
				: this.apply(
						layers.conv2d({ ...common, filters: spec.output[2], kernelInitializer: 'zeros' }),
						x
					);
		if (spec.bnName) {
			y = this.apply(
				layers.batchNormalization({ name: spec.bnName, axis: -1, epsilon: BN_EPSILON }),
				y
			);
		}
		return this.activation(y, spec.activation, actName);
	}

	/** Global average pool, kept 4-D ([1, 1, C]) as the spec's shapes are. */
	pool(spec: LayerSpec, x: Sym): Sym {
		const pooled = this.apply(layers.globalAveragePooling2d({ name: spec.name }), x);
		const y = this.apply(
			layers.reshape({ name: `${spec.name}/reshape`, targetShape: [1, 1, spec.output[2]] }),
			pooled
		);
		return this.activation(y, spec.activation, `${spec.name}/${spec.activation}`);
	}

	/** Squeeze-and-excite: pool → 1×1 C→r + ReLU → 1×1 r→C + hard-sigmoid → scale the input. */
	squeezeExcite(spec: LayerSpec, x: Sym): Sym {
		const c = spec.output[2];
		const { squeeze, excite } = seConvNames(spec);
		const pooled = this.apply(layers.globalAveragePooling2d({ name: `${spec.name}/AvgPool` }), x);
		const map = this.apply(
			layers.reshape({ name: `${spec.name}/reshape`, targetShape: [1, 1, c] }),
			pooled
		);
		const conv = (name: string, filters: number, activation: 'relu' | 'linear') =>
			layers.conv2d({
				name,
				filters,
				kernelSize: 1,
				useBias: true,
				activation,
				kernelInitializer: 'zeros'
			});
		const squeezed = this.apply(conv(squeeze, seChannels(spec), 'relu'), map);
		const gate = this.activation(
			this.apply(conv(excite, c, 'linear'), squeezed),
			'hsigmoid',
			`${spec.name}/hsigmoid`
		);
		const y = this.apply(layers.multiply({ name: `${spec.name}/Mul` }), [x, gate]);
		return this.activation(y, spec.activation, `${spec.name}/${spec.activation}`);
	}
}

/** Builds the layer graph (weights zero) and returns it with the symbolic outputs. */
function buildGraph(spec: NetworkSpec, folded: boolean) {
	const first = spec.layers[0];
	if (!first) throw new Error('The spec has no layers.');
	const input = layers.input({ batchShape: [1, ...first.input], name: INPUT_NAME });
	const g = new GraphBuilder(folded);
	const outputs = new Map<string, Sym>();
	const source = (name: string, consumer: string): Sym => {
		const t = outputs.get(name);
		if (!t) throw new Error(`Layer ${consumer} reads ${name}, which the spec has not built yet.`);
		return t;
	};

	for (const spec_ of spec.layers) {
		g.for(spec_);
		const [x, ...rest] =
			spec_.inputs.length === 0 ? [input] : spec_.inputs.map((n) => source(n, spec_.name));
		if (!x) throw new Error(`Layer ${spec_.name} has no input.`);
		let y: Sym;
		switch (spec_.kind) {
			case 'conv':
			case 'pointwise':
			case 'depthwise':
			case 'fc':
				y = g.conv(spec_, x);
				break;
			case 'pool':
				y = g.pool(spec_, x);
				break;
			case 'se':
				y = g.squeezeExcite(spec_, x);
				break;
			case 'add':
				y = g.apply(layers.add({ name: spec_.name }), [x, ...rest]);
				break;
			case 'activation':
				y = g.activation(x, spec_.activation, spec_.name);
				break;
		}
		const got = y.shape.slice(1);
		if (JSON.stringify(got) !== JSON.stringify(spec_.output)) {
			throw new Error(
				`Layer ${spec_.name} builds to ${JSON.stringify(got)}, the spec says ${JSON.stringify(spec_.output)}.`
			);
		}
		outputs.set(spec_.name, y);
	}

	const last = spec.layers[spec.layers.length - 1]!;
	const probabilities = g
		.for(last)
		.apply(layers.flatten({ name: `${last.name}/flatten` }), source(last.name, 'flatten'));
	return { input, probabilities, outputs, owners: g.owners };
}

/** Copies named weights into the model's variables; every variable must be covered. */
function assignWeights(model: LayersModel, weights: WeightMap): void {
	const used = new Set<string>();
	tf.tidy(() => {
		for (const layer of model.layers) {
			if (layer.weights.length === 0) continue;
			const values = layer.weights.map((v) => {
				const w = weights.get(v.originalName);
				if (!w) throw new Error(`No weight named ${v.originalName}.`);
				if (JSON.stringify(w.shape) !== JSON.stringify(v.shape)) {
					throw new Error(
						`${v.originalName} is ${JSON.stringify(w.shape)}, the layer needs ${JSON.stringify(v.shape)}.`
					);
				}
				used.add(v.originalName);
				return tf.tensor(w.data, [...w.shape], 'float32');
			});
			layer.setWeights(values);
		}
	});
	const unused = [...weights.keys()].filter((name) => !used.has(name));
	if (unused.length > 0) throw new Error(`Weights without a layer: ${unused.join(', ')}.`);
}

/**
 * Checks Keras-named weights against the spec and brings them to the network's form: Keras
 * weights are folded if asked; weights that come folded (TFLite's) build only the folded network.
 */
export function prepareWeights(
	spec: NetworkSpec,
	weights: WeightMap,
	form: WeightForm,
	foldBatchNorm: boolean
): Map<string, WeightArray> {
	if (form === 'folded') {
		if (!foldBatchNorm) {
			throw new Error(
				'These weights have BatchNorm folded into the convolutions already: only the folded network can be built from them.'
			);
		}
		return conformWeights(spec, weights, 'folded');
	}
	const checked = conformWeights(spec, weights);
	return foldBatchNorm ? foldBatchNorm_(spec, checked) : checked;
}

/**
 * Builds the network a spec describes and loads Keras-named weights into it (trained ones,
 * or `initialWeights(spec, seed)`). Weights are checked against the spec first, with an error
 * naming what is missing or misshapen.
 */
export function buildNetwork(
	spec: NetworkSpec,
	weights: WeightMap,
	options: BuildOptions = {}
): BuiltNetwork {
	const folded = options.foldBatchNorm ?? true;
	const values = options.prepared
		? weights
		: prepareWeights(spec, weights, options.form ?? 'keras', folded);
	const { input, probabilities, outputs, owners } = buildGraph(spec, folded);
	const layerNames = [...outputs.keys()];
	const model = tfModel({
		inputs: input,
		outputs: [probabilities, ...layerNames.map((n) => outputs.get(n)!)],
		name: 'separable_mobilenet'
	});
	const plan = passPlan(model, owners);
	const valueOf = (t: Sym) => {
		const index = plan.values.get(t.id);
		if (index === undefined) throw new Error(`No layer computes ${t.name}.`);
		return index;
	};
	const layerValues = new Map(layerNames.map((n) => [n, valueOf(outputs.get(n)!)]));
	const probabilitiesValue = valueOf(probabilities);
	const forward = (x: tf.Tensor4D, keep: ReadonlySet<string> = new Set()) =>
		runPass(plan, x, probabilitiesValue, new Map([...keep].map((n) => [n, layerValues.get(n)!])));
	let disposed = false;
	const dispose = () => {
		if (disposed) return;
		disposed = true;
		model.dispose();
	};
	try {
		assignWeights(model, values);
		if (options.warmUp) {
			tf.tidy(() => {
				const blank = tf.zeros([1, ...spec.layers[0]!.input]) as tf.Tensor4D;
				const { probabilities } = forward(blank);
				// Reading forces a lazy backend (WebGL) to run the pass too.
				probabilities.dataSync();
			});
		}
	} catch (error) {
		dispose();
		throw error;
	}
	return { spec, folded, model, steps: plan.steps, layerNames, forward, dispose };
}

interface PassPlan {
	steps: Step[];
	/** Symbolic tensor id → value index. */
	values: Map<number, number>;
	/** Value index → the step after which nothing reads it. */
	lastRead: number[];
}

/** The model's layers in run order (tf.layers sorts them so), with their values numbered. */
function passPlan(model: LayersModel, owners: ReadonlyMap<string, string>): PassPlan {
	const values = new Map<number, number>([[model.inputs[0]!.id, 0]]);
	const lastRead = [-1];
	const steps: Step[] = [];
	for (const layer of model.layers) {
		const node = layer.inboundNodes[0];
		if (!node || node.inboundLayers.length === 0) continue; // the input layer
		const inputs = node.inputTensors.map((t) => {
			const index = values.get(t.id);
			if (index === undefined) throw new Error(`${layer.name} runs before its input ${t.name}.`);
			lastRead[index] = steps.length;
			return index;
		});
		const output = lastRead.length;
		values.set(node.outputTensors[0]!.id, output);
		lastRead.push(-1);
		steps.push({ layer, inputs, output, owner: owners.get(layer.name) ?? layer.name });
	}
	return { steps, values, lastRead };
}

/** Applies one step to the values computed so far and stores its output; returns that output. */
export function runStep(step: Step, values: Array<tf.Tensor | undefined>): tf.Tensor {
	const ins = step.inputs.map((v) => values[v]!);
	const out = step.layer.apply(ins.length === 1 ? ins[0]! : ins) as tf.Tensor;
	values[step.output] = out;
	return out;
}

function runPass(
	plan: PassPlan,
	input: tf.Tensor4D,
	probabilities: number,
	keep: ReadonlyMap<string, number>
): PassOutputs {
	const kept = new Set([probabilities, ...keep.values()]);
	const out = tf.tidy(() => {
		const values: Array<tf.Tensor | undefined> = [input];
		plan.steps.forEach((step, i) => {
			runStep(step, values);
			// Freed now rather than at the end of the tidy: wasm reuses the memory while it is hot.
			for (const v of step.inputs) {
				if (v !== 0 && plan.lastRead[v] === i && !kept.has(v)) values[v]!.dispose();
			}
		});
		return [values[probabilities]!, ...[...keep.values()].map((v) => values[v]!)];
	});
	const names = [...keep.keys()];
	return {
		probabilities: out[0]!,
		layers: new Map(names.map((name, i) => [name, out[i + 1]!]))
	};
}
