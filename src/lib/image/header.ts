/**
 * What an image file is, read from its bytes before anything decodes it: the format from its
 * magic bytes, the pixel size from its header, and whether its structure reaches its end.
 * Browsers decode a 20000×20000 PNG from a few kilobytes into 1.6 GB of pixels, and show a
 * truncated JPEG as a half-grey picture without an error, so both are caught here first.
 */

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

export type HeaderProblem =
	/** 0 bytes. */
	| 'empty'
	/** SVG text: refused, see image/validate.ts. */
	| 'svg'
	/**
	 * Magic bytes of no format read here (AVIF, ICO, … but also text, PDF, a renamed file): the
	 * browser's decoder decides (image/decode.ts), and refuses what it cannot open.
	 */
	| 'unknown-format'
	/** The header is cut short or inconsistent, so the size cannot be read. */
	| 'bad-header'
	/** The header is fine but the data stops before the image ends. */
	| 'truncated';

export interface ImageHeader {
	format: ImageFormat;
	width: number;
	height: number;
}

export type HeaderResult = ({ ok: true } & ImageHeader) | { ok: false; problem: HeaderProblem };

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
	return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
	return String.fromCharCode(...bytes.subarray(at, at + length));
}

function u32be(b: Uint8Array, at: number): number {
	return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

function u16be(b: Uint8Array, at: number): number {
	return (b[at]! << 8) + b[at + 1]!;
}

function u16le(b: Uint8Array, at: number): number {
	return b[at]! + (b[at + 1]! << 8);
}

function u32le(b: Uint8Array, at: number): number {
	return b[at]! + (b[at + 1]! << 8) + (b[at + 2]! << 16) + b[at + 3]! * 2 ** 24;
}

function u24le(b: Uint8Array, at: number): number {
	return b[at]! + (b[at + 1]! << 8) + (b[at + 2]! << 16);
}

/** Identifies the format from the first bytes (null when none of ours). */
export function sniffFormat(bytes: Uint8Array): ImageFormat | 'svg' | null {
	if (startsWith(bytes, PNG_MAGIC)) return 'png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
	if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
	if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
	// SVG is text: an optional BOM, XML prolog or comments, then <svg.
	const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
	if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>/]/i.test(head)) {
		return 'svg';
	}
	return null;
}

/** PNG: IHDR gives the size; the chunks must run to IEND. */
function readPng(b: Uint8Array): HeaderResult {
	if (b.length < 33 || ascii(b, 12, 4) !== 'IHDR') return { ok: false, problem: 'bad-header' };
	const width = u32be(b, 16);
	const height = u32be(b, 20);
	let at = 8;
	while (at + 8 <= b.length) {
		const length = u32be(b, at);
		const type = ascii(b, at + 4, 4);
		const end = at + 12 + length;
		if (end > b.length) return { ok: false, problem: 'truncated' };
		if (type === 'IEND') return { ok: true, format: 'png', width, height };
		at = end;
	}
	return { ok: false, problem: 'truncated' };
}

const isSof = (marker: number) =>
	marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * JPEG: the frame header (SOFn) gives the size. Segments are walked to the scan, and the
 * entropy-coded data scanned for the next marker (inside it 0xFF is always followed by 0x00 or
 * a restart marker), until EOI. Bytes after EOI (camera trailers, motion photos) are allowed.
 */
function readJpeg(b: Uint8Array): HeaderResult {
	let size: { width: number; height: number } | null = null;
	let at = 2;
	while (at < b.length) {
		if (b[at] !== 0xff) return { ok: false, problem: size ? 'truncated' : 'bad-header' };
		const marker = b[at + 1];
		if (marker === undefined) break;
		if (marker === 0xff) {
			at += 1; // fill byte
			continue;
		}
		if (marker === 0xd9) {
			return size ? { ok: true, format: 'jpeg', ...size } : { ok: false, problem: 'bad-header' };
		}
		if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
			at += 2;
			continue;
		}
		if (at + 4 > b.length) break;
		const length = u16be(b, at + 2);
		if (length < 2) return { ok: false, problem: 'bad-header' };
		if (isSof(marker)) {
			if (at + 9 > b.length) break;
			size = { height: u16be(b, at + 5), width: u16be(b, at + 7) };
		}
		at += 2 + length;
		if (marker === 0xda) {
			// Entropy-coded data up to the next real marker.
			while (at + 1 < b.length) {
				if (b[at] === 0xff) {
					const next = b[at + 1]!;
					if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
				}
				at += 1;
			}
			if (at + 1 >= b.length) break;
		}
	}
	return { ok: false, problem: size ? 'truncated' : 'bad-header' };
}

/** GIF: the logical screen size; the browser decodes the first frame. */
function readGif(b: Uint8Array): HeaderResult {
	if (b.length < 13) return { ok: false, problem: 'bad-header' };
	// A complete GIF ends with the trailer byte 0x3B.
	if (b[b.length - 1] !== 0x3b) return { ok: false, problem: 'truncated' };
	return { ok: true, format: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
}

/** WebP: the RIFF size must fit, then VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function readWebp(b: Uint8Array): HeaderResult {
	if (b.length < 25) return { ok: false, problem: 'bad-header' };
	if (8 + u32le(b, 4) > b.length) return { ok: false, problem: 'truncated' };
	const chunk = ascii(b, 12, 4);
	if (chunk === 'VP8 ') {
		if (b.length < 30) return { ok: false, problem: 'bad-header' };
		if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return { ok: false, problem: 'bad-header' };
		return {
			ok: true,
			format: 'webp',
			width: u16le(b, 26) & 0x3fff,
			height: u16le(b, 28) & 0x3fff
		};
	}
	if (chunk === 'VP8L') {
		if (b[20] !== 0x2f) return { ok: false, problem: 'bad-header' };
		const bits = u32le(b, 21);
		return {
			ok: true,
			format: 'webp',
			width: (bits & 0x3fff) + 1,
			height: ((bits >>> 14) & 0x3fff) + 1
		};
	}
	if (chunk === 'VP8X') {
		if (b.length < 30) return { ok: false, problem: 'bad-header' };
		return { ok: true, format: 'webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
	}
	return { ok: false, problem: 'bad-header' };
}

function i32le(b: Uint8Array, at: number): number {
	return b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);
}

/**
 * BMP: the file header says the file's size and where the pixels start; the info header gives
 * the size (OS/2's 12-byte header in 16 bits, the others in 32, a negative height meaning
 * top-down rows). A file shorter than either is cut short.
 */
function readBmp(b: Uint8Array): HeaderResult {
	if (b.length < 26) return { ok: false, problem: 'bad-header' };
	const fileSize = u32le(b, 2);
	const pixels = u32le(b, 10);
	const info = u32le(b, 14);
	if (info < 12 || pixels < 14 + info) return { ok: false, problem: 'bad-header' };
	const [width, height] =
		info === 12 ? [u16le(b, 18), u16le(b, 20)] : [i32le(b, 18), Math.abs(i32le(b, 22))];
	if (width < 0) return { ok: false, problem: 'bad-header' };
	if (b.length < Math.max(fileSize, pixels + 1)) return { ok: false, problem: 'truncated' };
	return { ok: true, format: 'bmp', width, height };
}

/** Format, size and completeness of an image file, from its bytes alone. */
export function readImageHeader(bytes: Uint8Array): HeaderResult {
	if (bytes.length === 0) return { ok: false, problem: 'empty' };
	const format = sniffFormat(bytes);
	switch (format) {
		case 'png':
			return readPng(bytes);
		case 'jpeg':
			return readJpeg(bytes);
		case 'gif':
			return readGif(bytes);
		case 'webp':
			return readWebp(bytes);
		case 'bmp':
			return readBmp(bytes);
		case 'svg':
			return { ok: false, problem: 'svg' };
		default:
			return { ok: false, problem: 'unknown-format' };
	}
}
