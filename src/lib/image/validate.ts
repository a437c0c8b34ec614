/**
 * Whether the lab accepts an image file, decided from its bytes before any decoding where a
 * header is read here (PNG, JPEG, GIF, WebP, BMP), and otherwise by whether the browser can
 * decode it (image/decode.ts).
 *
 * SVG is refused rather than rasterised: it has no pixel size of its own (the size we would
 * pick is arbitrary), it can pull in fonts and images from elsewhere, and a classifier trained
 * on photos says nothing useful about vector drawings.
 */
import { readImageHeader, type HeaderProblem, type ImageHeader } from './header';

/** Above this many pixels a file is refused before decoding (50 MP ≈ 200 MB of RGBA). */
export const MAX_PIXELS = 50_000_000;
/** Files larger than this are refused before they are read (no photo needs more). */
export const MAX_BYTES = 100 * 1024 * 1024;
/** Longer side ÷ shorter side above which the image is flagged: it gets squashed to a square. */
export const EXTREME_ASPECT = 8;

export type ImageProblem =
	| HeaderProblem
	| 'too-many-pixels'
	| 'too-large-file'
	/** The header claims a zero width or height. */
	| 'zero-size';

export type ValidationResult =
	| ({ ok: true; extremeAspect: boolean } & ImageHeader)
	| { ok: false; problem: ImageProblem; width?: number; height?: number };

/** Checks a file's size before reading it. */
export function checkFileSize(bytes: number): ImageProblem | null {
	if (bytes === 0) return 'empty';
	return bytes > MAX_BYTES ? 'too-large-file' : null;
}

export function validateImageBytes(bytes: Uint8Array): ValidationResult {
	const sizeProblem = checkFileSize(bytes.length);
	if (sizeProblem) return { ok: false, problem: sizeProblem };
	const header = readImageHeader(bytes);
	if (!header.ok) return header;
	return checkPixelSize(header);
}

/**
 * Whether an image of this pixel size is accepted: read from its header, or, for a format the
 * browser decoded without a header reader here, from the decoded image.
 */
export function checkPixelSize<F>(image: {
	format: F;
	width: number;
	height: number;
}):
	| { ok: true; format: F; width: number; height: number; extremeAspect: boolean }
	| { ok: false; problem: ImageProblem; width: number; height: number } {
	const { format, width, height } = image;
	if (width === 0 || height === 0) return { ok: false, problem: 'zero-size', width, height };
	if (width * height > MAX_PIXELS) {
		return { ok: false, problem: 'too-many-pixels', width, height };
	}
	const extremeAspect = Math.max(width, height) / Math.min(width, height) > EXTREME_ASPECT;
	return { ok: true, format, width, height, extremeAspect };
}

/** Longest side the lab keeps after decoding; larger photos are scaled down once, on load. */
export const MAX_KEPT_SIDE = 2048;

/**
 * The size to keep a decoded image at: unchanged up to `maxSide` (MAX_KEPT_SIDE), else scaled to
 * fit. The lab also draws large photos at the size they are shown with it.
 */
export function keptSize(
	width: number,
	height: number,
	maxSide = MAX_KEPT_SIDE
): { width: number; height: number } {
	const scale = Math.min(1, maxSide / Math.max(width, height));
	return {
		width: Math.max(1, Math.round(width * scale)),
		height: Math.max(1, Math.round(height * scale))
	};
}
