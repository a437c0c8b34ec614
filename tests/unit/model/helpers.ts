/**
 * Node-side helpers for the model tests: the shared weights and photos beside the project,
 * a fetch that reads files from disk (so the browser loading code runs unchanged), and PNG
 * decoding.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Pixels } from '../../../src/lib/model/preprocess';

export const sharedDir = fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const modelsDir = resolve(sharedDir, 'models');
export const imagesDir = resolve(sharedDir, 'images');

export function hasModel(id: string): boolean {
	const present = existsSync(resolve(modelsDir, id, 'model.json'));
	if (!present)
		console.warn(
			`skipped: ${resolve(modelsDir, id)} is absent (../shared/models not beside the project)`
		);
	return present;
}

/** A fetch over a folder: http://localhost/models/<path> → <dir>/<path>; anything else 404s. */
export function fileFetch(dir: string, prefix = 'http://localhost/models/'): typeof fetch {
	return (async (input: RequestInfo | URL) => {
		const url = String(input instanceof Request ? input.url : input);
		if (!url.startsWith(prefix)) return new Response('not found', { status: 404 });
		const file = resolve(dir, decodeURIComponent(url.slice(prefix.length)));
		if (!file.startsWith(dir) || !existsSync(file))
			return new Response('not found', { status: 404 });
		return new Response(new Uint8Array(readFileSync(file)));
	}) as typeof fetch;
}

export function readPng(name: string): Pixels {
	const png = PNG.sync.read(readFileSync(resolve(imagesDir, name)));
	return {
		data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
		width: png.width,
		height: png.height
	};
}

/** The cpu backend: plain JS, the same everywhere, no binaries to locate. */
export async function useCpu(): Promise<void> {
	await tf.setBackend('cpu');
	await tf.ready();
}
