/**
 * Browser-only: turns a file the user gave into RGBA pixels, after validate.ts has accepted its
 * bytes. Nothing leaves the browser: the bytes are read, checked and decoded here.
 */
import { checkFileSize, keptSize, validateImageBytes, type ImageProblem } from './validate';

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

const MIME = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

/** Draws a decoded source into RGBA pixels of the given size. */
export function toPixels(source: CanvasImageSource, width: number, height: number): ImageData {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) throw new Error('No 2D canvas.');
	context.imageSmoothingQuality = 'high';
	context.drawImage(source, 0, 0, width, height);
	return context.getImageData(0, 0, width, height);
}

export async function decodeImageFile(file: Blob): Promise<DecodeResult> {
	const sizeProblem = checkFileSize(file.size);
	if (sizeProblem) return { ok: false, problem: sizeProblem };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const checked = validateImageBytes(bytes);
	if (!checked.ok) return checked;
	let bitmap: ImageBitmap;
	try {
		// The declared type is ignored: the bytes decide (a .png that is a JPEG decodes as JPEG).
		bitmap = await createImageBitmap(new Blob([bytes], { type: MIME[checked.format] }), {
			imageOrientation: 'from-image'
		});
	} catch {
		return { ok: false, problem: 'decode-failed' };
	}
	try {
		const kept = keptSize(bitmap.width, bitmap.height);
		return {
			ok: true,
			image: {
				pixels: toPixels(bitmap, kept.width, kept.height),
				fileWidth: checked.width,
				fileHeight: checked.height,
				extremeAspect: checked.extremeAspect
			}
		};
	} catch {
		return { ok: false, problem: 'decode-failed' };
	} finally {
		bitmap.close();
	}
}
