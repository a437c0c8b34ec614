/** Reading image files the user gives the lab: format, size and limits, before decoding. */
export { readImageHeader, sniffFormat } from './header';
export { MAX_BYTES, MAX_PIXELS, checkPixelSize, keptSize, validateImageBytes } from './validate';
export type { ImageProblem } from './validate';
