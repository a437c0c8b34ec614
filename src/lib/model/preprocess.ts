/**
 * Preprocessing as Google's MobileNet expects it: the whole image (no crop, aspect ratio not
 * kept) bilinearly resized to res×res, RGB scaled to [-1, 1] as x / 127.5 − 1.
 *
 * The resize is TensorFlow's classic sampling (align_corners false, no half-pixel centres), the
 * resize_bilinear of TF-slim's evaluation preprocessing these weights were trained with. It
 * reproduces the project's reference numbers (coffee → espresso 94.0% at α 0.25); the
 * tfjs-models package's classify() passes alignCorners true, which gives 92.5% there.
 *
 * It is done here, in one pass over the res×res output, straight from the RGBA bytes: scaling is
 * linear, so resizing the bytes and then scaling equals scaling and then resizing, and the pass
 * also gives the network's input as displayable pixels. Converting every pixel of a photo to
 * floats first, uploading them and resizing in tfjs took most of a photo's time to its classes.
 */
import * as tf from '@tensorflow/tfjs-core';

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

/** Where output row or column i samples its input: the two neighbours and the weight of the second. */
function samplePoints(inSize: number, outSize: number) {
	const scale = inSize / outSize;
	const low = new Int32Array(outSize);
	const high = new Int32Array(outSize);
	const weight = new Float32Array(outSize);
	for (let i = 0; i < outSize; i++) {
		const at = i * scale;
		const below = Math.floor(at);
		low[i] = below;
		high[i] = Math.min(below + 1, inSize - 1);
		weight[i] = at - below;
	}
	return { low, high, weight };
}

/**
 * The network's input for an image: `values` res×res×3 in [-1, 1] (channels last), and the same
 * image as RGBA pixels to show.
 */
export function preprocess(
	image: Pixels,
	resolution: number
): { values: Float32Array; pixels: Pixels } {
	checkPixels(image);
	if (!(Number.isInteger(resolution) && resolution > 0)) {
		throw new RangeError(`The resolution must be a positive integer, got ${resolution}.`);
	}
	const { data, width } = image;
	const rows = samplePoints(image.height, resolution);
	const cols = samplePoints(width, resolution);
	const values = new Float32Array(resolution * resolution * 3);
	const shown = new Uint8ClampedArray(resolution * resolution * 4);
	for (let y = 0; y < resolution; y++) {
		const top = rows.low[y]! * width;
		const bottom = rows.high[y]! * width;
		const dy = rows.weight[y]!;
		for (let x = 0; x < resolution; x++) {
			const left = cols.low[x]!;
			const right = cols.high[x]!;
			const dx = cols.weight[x]!;
			const out = y * resolution + x;
			for (let c = 0; c < 3; c++) {
				const tl = data[(top + left) * 4 + c]!;
				const tr = data[(top + right) * 4 + c]!;
				const bl = data[(bottom + left) * 4 + c]!;
				const br = data[(bottom + right) * 4 + c]!;
				const upper = tl + (tr - tl) * dx;
				const lower = bl + (br - bl) * dx;
				const v = upper + (lower - upper) * dy;
				values[out * 3 + c] = v / 127.5 - 1;
				shown[out * 4 + c] = v;
			}
			shown[out * 4 + 3] = 255;
		}
	}
	return { values, pixels: { data: shown, width: resolution, height: resolution } };
}

/** The network's input tensor [1, res, res, 3] in [-1, 1]. The caller disposes it. */
export function toInputTensor(image: Pixels, resolution: number): tf.Tensor4D {
	const { values } = preprocess(image, resolution);
	return tf.tensor4d(values, [1, resolution, resolution, 3]);
}

/** The network's input for an image, as displayable pixels (res×res). */
export function networkInputPixels(image: Pixels, resolution: number): Pixels {
	return preprocess(image, resolution).pixels;
}
