/** Text for the per-layer table's shape and kernel columns. */
import type { LayerSpec, Shape } from '$lib/architecture';

export function shapeText(shape: Shape): string {
	return shape.join('×');
}

/** "3×3 / 2": kernel and stride. A residual add has neither (kernel 0). */
export function kernelText(layer: Pick<LayerSpec, 'kernel' | 'stride'>): string {
	if (layer.kernel === 0) return '—';
	return `${layer.kernel}×${layer.kernel} / ${layer.stride}`;
}
