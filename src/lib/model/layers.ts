/**
 * The two tf.layers classes tfjs lacks for these networks:
 * - `KerasActivation`: hard-swish and hard-sigmoid with Keras' MobileNetV3 definitions
 *   (hsigmoid(x) = relu6(x + 3) / 6; tfjs' own 'hardSigmoid' is 0.2·x + 0.5, a different curve).
 * - `FusedConv`: a convolution (standard, 1×1 or depthwise) with bias and activation in one
 *   tfjs kernel, for the BatchNorm-folded inference model. tf.layers fuses only relu into
 *   Conv2D and nothing into DepthwiseConv2D; fusing relu6 saves two passes over every
 *   feature map. Its weights keep the Keras names (kernel / depthwise_kernel, bias).
 */
import * as tf from '@tensorflow/tfjs-core';
import { initializers, layers, type LayerVariable } from '@tensorflow/tfjs-layers';
import type { Activation, LayerKind } from '$lib/architecture';

type Shape = Array<number | null>;

function oneTensor(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
	const x = Array.isArray(inputs) ? inputs[0] : inputs;
	if (!x) throw new Error('Expected one input tensor.');
	return x;
}

function oneShape(shape: Shape | Shape[]): Shape {
	return Array.isArray(shape[0]) ? (shape[0] as Shape) : (shape as Shape);
}

function hardSigmoid(x: tf.Tensor): tf.Tensor {
	return tf.mul(tf.relu6(tf.add(x, 3)), 1 / 6);
}

/** Applies one of the spec's activations to a tensor (no-op for 'linear'). */
export function applyActivation(x: tf.Tensor, activation: Activation): tf.Tensor {
	switch (activation) {
		case 'linear':
			return x;
		case 'relu':
			return tf.relu(x);
		case 'relu6':
			return tf.relu6(x);
		case 'hsigmoid':
			return hardSigmoid(x);
		case 'hswish':
			return tf.mul(x, hardSigmoid(x));
		case 'softmax':
			return tf.softmax(x);
	}
}

export class KerasActivation extends layers.Layer {
	static readonly className = 'SeparableKerasActivation';
	readonly activation: Activation;

	constructor(args: { name: string; activation: Activation }) {
		super({ name: args.name });
		this.activation = args.activation;
	}

	override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
		return tf.tidy(() => applyActivation(oneTensor(inputs), this.activation));
	}

	override computeOutputShape(inputShape: Shape | Shape[]): Shape {
		return oneShape(inputShape);
	}

	override getConfig() {
		return { ...super.getConfig(), activation: this.activation };
	}
}
tf.serialization.registerClass(KerasActivation);

/** Activations tfjs can fuse into a convolution kernel. */
const FUSABLE: ReadonlySet<Activation> = new Set<Activation>(['linear', 'relu', 'relu6']);

export interface FusedConvArgs {
	name: string;
	kind: Extract<LayerKind, 'conv' | 'pointwise' | 'depthwise' | 'fc'>;
	kernel: number;
	stride: number;
	/** Output channels (ignored for depthwise, which keeps its input's). */
	filters: number;
	useBias: boolean;
	activation: Activation;
}

export class FusedConv extends layers.Layer {
	static readonly className = 'SeparableFusedConv';
	private readonly args: FusedConvArgs;
	private kernelWeight: LayerVariable | null = null;
	private biasWeight: LayerVariable | null = null;

	constructor(args: FusedConvArgs) {
		super({ name: args.name });
		this.args = args;
	}

	private get depthwise(): boolean {
		return this.args.kind === 'depthwise';
	}

	override build(inputShape: Shape | Shape[]): void {
		const channels = oneShape(inputShape)[3];
		if (channels == null) throw new Error(`${this.name}: the channel count must be known.`);
		const k = this.args.kernel;
		const out = this.depthwise ? channels : this.args.filters;
		const zeros = initializers.zeros();
		this.kernelWeight = this.addWeight(
			this.depthwise ? 'depthwise_kernel' : 'kernel',
			[k, k, channels, this.depthwise ? 1 : out],
			'float32',
			zeros
		);
		this.biasWeight = this.args.useBias ? this.addWeight('bias', [out], 'float32', zeros) : null;
		this.built = true;
	}

	override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
		return tf.tidy(() => {
			const x = oneTensor(inputs) as tf.Tensor4D;
			if (!this.kernelWeight) throw new Error(`${this.name} is not built.`);
			const { stride, activation } = this.args;
			const fused = FUSABLE.has(activation) ? (activation as tf.fused.Activation) : 'linear';
			const common = {
				x,
				strides: [stride, stride] as [number, number],
				pad: 'same' as const,
				bias: this.biasWeight?.read(),
				activation: fused
			};
			const y = this.depthwise
				? tf.fused.depthwiseConv2d({ ...common, filter: this.kernelWeight.read() as tf.Tensor4D })
				: tf.fused.conv2d({ ...common, filter: this.kernelWeight.read() as tf.Tensor4D });
			return FUSABLE.has(activation) ? y : applyActivation(y, activation);
		});
	}

	override computeOutputShape(inputShape: Shape | Shape[]): Shape {
		const [batch = null, h = null, w = null, c = null] = oneShape(inputShape);
		const s = this.args.stride;
		const size = (d: number | null) => (d === null ? null : Math.ceil(d / s));
		return [batch, size(h), size(w), this.depthwise ? c : this.args.filters];
	}

	override getConfig() {
		return { ...super.getConfig(), ...this.args };
	}
}
tf.serialization.registerClass(FusedConv);
