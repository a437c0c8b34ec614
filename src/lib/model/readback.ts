/**
 * Reading layer outputs back from the backend into arrays that are used again, pass after pass.
 *
 * A fresh multi-megabyte array costs far more than the copy into it: every page of it faults on
 * first write. On the 2-core machine this project is measured on, a fresh 3.2 MB array filled from
 * the wasm heap takes about 14 ms; the same copy into an array already in use takes 0.1 ms. The lab
 * reads one layer per pass, and a slider or a new photo asks for pass after pass of the same sizes.
 *
 * An array handed out belongs to its Prediction until that is released (predict.ts): the lab
 * releases a result when a newer one replaces it on screen, or when it drops a superseded one, so
 * an array is never written while its numbers are shown.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * Bytes of free arrays kept for reuse; past this the oldest are left to the garbage collector.
 * Every layer of V1 1.0-224 read back is about 20 MB; its largest layer alone 3.2 MB.
 */
const MAX_FREE_BYTES = 64 * 2 ** 20;

export class ReadbackPool {
	#free: Float32Array[] = [];
	/** Arrays this pool made: only those come back into it (a backend may own what data() gave). */
	#own = new WeakSet<Float32Array>();

	/** A free array of exactly `length` values (contents undefined), or a new one. */
	take(length: number): Float32Array {
		const index = this.#free.findIndex((array) => array.length === length);
		if (index >= 0) return this.#free.splice(index, 1)[0]!;
		const array = new Float32Array(length);
		this.#own.add(array);
		return array;
	}

	/** Returns arrays to the pool; the caller must not use them again. Others are ignored. */
	give(...arrays: Float32Array[]): void {
		for (const array of arrays) {
			if (this.#own.has(array) && !this.#free.includes(array)) this.#free.push(array);
		}
		let bytes = this.#free.reduce((sum, array) => sum + array.byteLength, 0);
		while (bytes > MAX_FREE_BYTES) bytes -= this.#free.shift()!.byteLength;
	}

	/** How many arrays wait for reuse. */
	get free(): number {
		return this.#free.length;
	}

	clear(): void {
		this.#free = [];
	}
}

/** The wasm backend's view of a tensor's memory (a public method of BackendWasm). */
interface HeapViews {
	typedArrayFromHeap(info: {
		shape: number[];
		dtype: tf.DataType;
		dataId: object;
	}): ArrayLike<number>;
}

function heapViews(backend: unknown): HeapViews | null {
	const candidate = backend as Partial<HeapViews> | null;
	return typeof candidate?.typedArrayFromHeap === 'function' ? (candidate as HeapViews) : null;
}

/**
 * A float32 tensor's values, in an array from `pool`. On wasm the values are copied straight from
 * the heap (its kernels have finished when the op returns); other backends read through `data()`,
 * whose array the pool never takes back.
 */
export async function readInto(tensor: tf.Tensor, pool: ReadbackPool): Promise<Float32Array> {
	if (tensor.dtype !== 'float32')
		throw new Error(`Cannot read a ${tensor.dtype} tensor as floats.`);
	const heap = tf.getBackend() === 'wasm' ? heapViews(tf.backend()) : null;
	if (!heap) return (await tensor.data()) as Float32Array;
	const view = heap.typedArrayFromHeap(tensor);
	const out = pool.take(view.length);
	out.set(view);
	return out;
}
