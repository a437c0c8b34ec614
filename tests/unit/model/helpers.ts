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
export const tfliteDir = resolve(modelsDir, 'tflite');
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Whether ../shared/models/tflite holds a file (and says so when it does not). */
export function hasTflite(name: string): boolean {
	const present = existsSync(resolve(tfliteDir, name));
	if (!present) console.warn(`skipped: ${resolve(tfliteDir, name)} is absent`);
	return present;
}

export function readTfliteFile(name: string): Uint8Array {
	return new Uint8Array(readFileSync(resolve(tfliteDir, name)));
}

export function hasModel(id: string): boolean {
	const present = existsSync(resolve(modelsDir, id, 'model.json'));
	if (!present)
		console.warn(
			`skipped: ${resolve(modelsDir, id)} is absent (../shared/models not beside the project)`
		);
	return present;
}

/**
 * A fetch over folders: http://localhost/models/<path> → the first <dir>/<path> that exists;
 * anything else 404s.
 */
export function fileFetch(
	dirs: string | readonly string[],
	prefix = 'http://localhost/models/'
): typeof fetch {
	return (async (input: RequestInfo | URL) => {
		const url = String(input instanceof Request ? input.url : input);
		if (!url.startsWith(prefix)) return new Response('not found', { status: 404 });
		const path = decodeURIComponent(url.slice(prefix.length));
		for (const dir of typeof dirs === 'string' ? [dirs] : dirs) {
			const file = resolve(dir, path);
			if (file.startsWith(dir) && existsSync(file)) {
				return new Response(new Uint8Array(readFileSync(file)));
			}
		}
		return new Response('not found', { status: 404 });
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
