/**
 * Preprocessing as Google's MobileNet expects it: the whole image (no crop, aspect ratio not
 * kept) bilinearly resized to res×res, RGB scaled to [-1, 1] as x / 127.5 − 1.
 *
 * The resize uses TensorFlow's classic sampling (align_corners false, no half-pixel centres),
 * the resize_bilinear of TF-slim's evaluation preprocessing these weights were trained with.
 * It reproduces the project's reference numbers (coffee → espresso 94.0% at α 0.25); the
 * tfjs-models package's classify() passes alignCorners true, which gives 92.5% there.
 */
import * as tf from '@tensorflow/tfjs-core';

const ALIGN_CORNERS = false;

/** RGBA pixels as ImageData holds them (ImageData itself fits this shape). */
export interface Pixels {
	readonly data: Uint8ClampedArray | Uint8Array;
	readonly width: number;
	readonly height: number;
}

export function checkPixels(image: Pixels): void {
	const { width, height, data } = image;
	if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
		throw new RangeError(`The image must have a positive size, got ${width}×${height}.`);
	}
	if (data.length !== width * height * 4) {
		throw new RangeError(
			`Expected ${width}×${height} RGBA pixels (${width * height * 4} bytes), got ${data.length}.`
		);
	}
}

/** The network's input tensor [1, res, res, 3] in [-1, 1]. The caller disposes it. */
export function toInputTensor(image: Pixels, resolution: number): tf.Tensor4D {
	checkPixels(image);
	if (!(Number.isInteger(resolution) && resolution > 0)) {
		throw new RangeError(`The resolution must be a positive integer, got ${resolution}.`);
	}
	// One pass in JS (drop alpha, scale to [-1, 1]) is faster than slice + cast + two tensor ops.
	const { data, width, height } = image;
	const rgb = new Float32Array(width * height * 3);
	for (let p = 0, q = 0; p < data.length; p += 4, q += 3) {
		rgb[q] = data[p]! / 127.5 - 1;
		rgb[q + 1] = data[p + 1]! / 127.5 - 1;
		rgb[q + 2] = data[p + 2]! / 127.5 - 1;
	}
	return tf.tidy(() => {
		const scaled = tf.tensor3d(rgb, [height, width, 3]);
		const resized =
			width === resolution && height === resolution
				? scaled
				: tf.image.resizeBilinear(scaled, [resolution, resolution], ALIGN_CORNERS);
		return tf.expandDims(resized, 0) as tf.Tensor4D;
	});
}

/** What the network sees, as displayable RGBA pixels (res×res): [-1, 1] mapped back to 0…255. */
export async function inputToPixels(input: tf.Tensor4D): Promise<Pixels> {
	const [, height = 0, width = 0] = input.shape;
	const rgb = await input.data();
	const data = new Uint8ClampedArray(width * height * 4);
	for (let p = 0; p < width * height; p++) {
		for (let c = 0; c < 3; c++) data[p * 4 + c] = Math.round((rgb[p * 3 + c]! + 1) * 127.5);
		data[p * 4 + 3] = 255;
	}
	return { data, width, height };
}

/** The network's input for an image, as displayable pixels (preprocess, then map back). */
export async function networkInputPixels(image: Pixels, resolution: number): Promise<Pixels> {
	const input = toInputTensor(image, resolution);
	try {
		return await inputToPixels(input);
	} finally {
		input.dispose();
	}
}
