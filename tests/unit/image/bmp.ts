/** Writes RGBA pixels as a 24-bit BMP file (bottom-up rows, each padded to 4 bytes), for tests. */
export function toBmp(
	pixels: { data: ArrayLike<number>; width: number; height: number },
	options: { topDown?: boolean } = {}
): Uint8Array {
	const { width, height, data } = pixels;
	const row = Math.ceil((width * 3) / 4) * 4;
	const offset = 14 + 40;
	const size = offset + row * height;
	const out = new Uint8Array(size);
	const view = new DataView(out.buffer);
	out.set([0x42, 0x4d]); // "BM"
	view.setUint32(2, size, true);
	view.setUint32(10, offset, true);
	view.setUint32(14, 40, true); // BITMAPINFOHEADER
	view.setInt32(18, width, true);
	view.setInt32(22, options.topDown ? -height : height, true);
	view.setUint16(26, 1, true); // planes
	view.setUint16(28, 24, true); // bits per pixel
	view.setUint32(34, row * height, true);
	for (let y = 0; y < height; y++) {
		const line = offset + (options.topDown ? y : height - 1 - y) * row;
		for (let x = 0; x < width; x++) {
			const p = (y * width + x) * 4;
			out.set([data[p + 2]!, data[p + 1]!, data[p]!], line + x * 3); // BGR
		}
	}
	return out;
}
