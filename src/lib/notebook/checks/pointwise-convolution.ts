import { isTensorLike, type TensorLike } from '../inspect';
import { RIGHT, wrong, type Check } from './common';

type Readable = TensorLike & { dataSync(): ArrayLike<number> };

/** A 1×1 convolution equals a matrix product at every pixel: viaMatmul from tf.matMul. */
const pointwiseMatmul: Check = ({ scope, code }) => {
	const { viaConv, viaMatmul } = scope;
	if (!isTensorLike(viaMatmul) || !/\b(matMul|dot)\b/.test(code)) {
		return wrong('cell_hint_matmul_missing');
	}
	if (!isTensorLike(viaConv) || viaConv.isDisposed || viaMatmul.isDisposed) {
		return wrong('cell_hint_matmul_missing');
	}
	if (viaConv.shape.join() !== viaMatmul.shape.join()) return wrong('cell_hint_matmul_shape');
	const a = (viaConv as Readable).dataSync();
	const b = (viaMatmul as Readable).dataSync();
	let scale = 0;
	let difference = 0;
	for (let i = 0; i < a.length; i++) {
		scale = Math.max(scale, Math.abs(a[i] as number));
		difference = Math.max(difference, Math.abs((a[i] as number) - (b[i] as number)));
	}
	// float32 sums of M products: agree to a few ulps of the largest value, not exactly.
	return difference <= 1e-4 * Math.max(1, scale) ? RIGHT : wrong('cell_hint_matmul_values');
};

export const checks: Record<string, Check> = { 'pointwise-matmul': pointwiseMatmul };
