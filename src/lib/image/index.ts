/** Reading image files the user gives the lab: format, size and limits, before decoding. */
export { readImageHeader, sniffFormat } from './header';
export type { HeaderProblem, HeaderResult, ImageFormat, ImageHeader } from './header';
export {
	EXTREME_ASPECT,
	MAX_BYTES,
	MAX_KEPT_SIDE,
	MAX_PIXELS,
	checkFileSize,
	checkPixelSize,
	keptSize,
	validateImageBytes
} from './validate';
export type { ImageProblem, ValidationResult } from './validate';
