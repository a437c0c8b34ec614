/**
 * Browser-only: turns a file the user gave into RGBA pixels, after validate.ts has accepted its
 * bytes. Nothing leaves the browser: the bytes are read, checked and decoded here.
 */
import {
	checkFileSize,
	checkPixelSize,
	keptSize,
	validateImageBytes,
	type ImageProblem
} from './validate';

/**
 * A decoded picture, oriented, at most MAX_KEPT_SIDE on its longer side. Its pixels are read only
 * at the size they are used: the network's input, squashed to its square, and the preview, drawn
 * straight from the bitmap. Reading a whole photo back from a canvas cost three times as long as
 * reading the network's 224 × 224 square (13 and 4 ms for the sample photos here).
 */
export class Photo {
	#source: ImageBitmap | null;
	#input: { resolution: number; pixels: ImageData } | null = null;
	readonly width: number;
	readonly height: number;

	constructor(source: ImageBitmap) {
		this.#source = source;
		this.width = source.width;
		this.height = source.height;
	}

	/**
	 * The picture squashed to resolution × resolution, as the network reads it (the last one is
	 * kept: a new α or an 8-bit pass reads the same square); null once closed.
	 */
	pixelsAt(resolution: number): ImageData | null {
		if (!this.#source) return null;
		if (this.#input?.resolution !== resolution) {
			this.#input = { resolution, pixels: toPixels(this.#source, resolution, resolution) };
		}
		return this.#input.pixels;
	}

	/** Draws the picture on `canvas`, scaled to at most `maxSide` device pixels along its longer side. */
	drawOn(canvas: HTMLCanvasElement, maxSide: number): void {
		if (!this.#source) return;
		const shown = keptSize(this.width, this.height, maxSide);
		canvas.width = shown.width;
		canvas.height = shown.height;
		const context = canvas.getContext('2d');
		if (!context) return;
		context.imageSmoothingQuality = 'high';
		context.drawImage(this.#source, 0, 0, shown.width, shown.height);
	}

	/** Frees the bitmap; the picture is replaced. */
	close(): void {
		this.#source?.close();
		this.#source = null;
		this.#input = null;
	}
}

/** A frame of a playing video (the camera) as a photo. */
export async function photoOf(video: HTMLVideoElement): Promise<Photo> {
	return new Photo(await createImageBitmap(video));
}

export interface DecodedImage {
	photo: Photo;
	/** Size in the file (before orientation and downscaling). */
	fileWidth: number;
	fileHeight: number;
	extremeAspect: boolean;
}

export type DecodeResult =
	| { ok: true; image: DecodedImage }
	| { ok: false; problem: ImageProblem | 'decode-failed'; width?: number; height?: number };

/** One canvas for every read: a new canvas and context per photo cost more than the copy. */
let scratch: CanvasRenderingContext2D | null = null;

/** Draws a decoded source into RGBA pixels of the given size. */
function toPixels(source: CanvasImageSource, width: number, height: number): ImageData {
	scratch ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
	if (!scratch) throw new Error('No 2D canvas.');
	const { canvas } = scratch;
	// Setting the size clears the canvas and resets its state, even when the size is the same.
	canvas.width = width;
	canvas.height = height;
	scratch.imageSmoothingQuality = 'high';
	scratch.drawImage(source, 0, 0, width, height);
	return scratch.getImageData(0, 0, width, height);
}

export async function decodeImageFile(file: Blob): Promise<DecodeResult> {
	const sizeProblem = checkFileSize(file.size);
	if (sizeProblem) return { ok: false, problem: sizeProblem };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const checked = validateImageBytes(bytes);
	// Bytes of no format read here may still be an image the browser opens (AVIF, ICO, …).
	const unread = !checked.ok && checked.problem === 'unknown-format';
	if (!checked.ok && !unread) return checked;
	let bitmap: ImageBitmap;
	try {
		// The bytes decide the format, not the file's declared type (a .png that is a JPEG decodes).
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return { ok: false, problem: unread ? 'unknown-format' : 'decode-failed' };
	}
	try {
		// Without a header, the size is known only now; the same limits apply.
		const size = checked.ok
			? checked
			: checkPixelSize({ format: null, width: bitmap.width, height: bitmap.height });
		if (!size.ok) {
			bitmap.close();
			return size;
		}
		const kept = keptSize(bitmap.width, bitmap.height);
		const source =
			kept.width === bitmap.width && kept.height === bitmap.height
				? bitmap
				: await createImageBitmap(bitmap, {
						resizeWidth: kept.width,
						resizeHeight: kept.height,
						resizeQuality: 'high'
					});
		if (source !== bitmap) bitmap.close();
		return {
			ok: true,
			image: {
				photo: new Photo(source),
				fileWidth: size.width,
				fileHeight: size.height,
				extremeAspect: size.extremeAspect
			}
		};
	} catch {
		bitmap.close();
		return { ok: false, problem: 'decode-failed' };
	}
}
