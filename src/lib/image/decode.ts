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

export interface DecodedImage {
	pixels: ImageData;
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
export function toPixels(source: CanvasImageSource, width: number, height: number): ImageData {
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
		if (!size.ok) return size;
		const kept = keptSize(bitmap.width, bitmap.height);
		return {
			ok: true,
			image: {
				pixels: toPixels(bitmap, kept.width, kept.height),
				fileWidth: size.width,
				fileHeight: size.height,
				extremeAspect: size.extremeAspect
			}
		};
	} catch {
		return { ok: false, problem: 'decode-failed' };
	} finally {
		bitmap.close();
	}
}
