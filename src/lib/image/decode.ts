/**
 * Browser-only: turns a file the user gave (or a camera frame) into a Photo, after validate.ts has
 * accepted its bytes. Nothing leaves the browser: the bytes are read, checked and decoded here.
 */
import {
	checkFileSize,
	checkPixelSize,
	keptSize,
	validateImageBytes,
	type ImageProblem
} from './validate';

/**
 * A decoded picture, oriented, at most MAX_KEPT_SIDE on its longer side. The network reads its
 * pixels, read back once at that size: preprocess.ts resizes them as the weights were trained
 * (TF-slim's bilinear resize of the whole picture), which a canvas's resize would not reproduce.
 * The preview is drawn from the bitmap, at the size it is shown.
 */
export class Photo {
	#source: ImageBitmap | null;
	#pixels: ImageData | null = null;
	readonly width: number;
	readonly height: number;

	constructor(source: ImageBitmap) {
		this.#source = source;
		this.width = source.width;
		this.height = source.height;
	}

	/** The picture's RGBA pixels (read on first use, then kept); null once closed. */
	pixels(): ImageData | null {
		if (!this.#source) return null;
		this.#pixels ??= toPixels(this.#source, this.width, this.height);
		return this.#pixels;
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

	/** Frees the bitmap and the pixels; the picture is replaced. */
	close(): void {
		this.#source?.close();
		this.#source = null;
		this.#pixels = null;
	}
}

/** A frame of a playing video (the camera) as a photo, kept at most MAX_KEPT_SIDE a side. */
export async function photoOf(video: HTMLVideoElement): Promise<Photo> {
	const kept = keptSize(video.videoWidth, video.videoHeight);
	return new Photo(
		await createImageBitmap(video, {
			resizeWidth: kept.width,
			resizeHeight: kept.height,
			resizeQuality: 'high'
		})
	);
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
