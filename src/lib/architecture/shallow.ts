/**
 * The "Shallow MobileNet" of the V1 paper's Table 5: V1 without the five separable blocks that
 * repeat at 14×14×512 (Table 1's "5×" rows). A what-if network, never trained here.
 */
import { withDefaults } from './config';
import { depthwiseConv, pointwiseConv } from './layers';
import type { Source } from './layers';
import { v1Width } from './rounding';
import { assembleSpec } from './totals';
import type { LayerSpec, NetworkSpec } from './types';
import { V1_BLOCKS, v1Head, v1Naming, v1Stem } from './v1';

/** Table 1's five identical middle blocks, 7 to 11 (1-based): stride 1, 512 channels. */
const REMOVED = new Set([7, 8, 9, 10, 11]);

export function mobilenetV1Shallow(alpha = 1, resolution = 224, classes = 1000): NetworkSpec {
	const config = withDefaults({ version: 'v1', alpha, resolution, classes });
	const stem = v1Stem(resolution, alpha);
	const layers: LayerSpec[] = [stem];
	let prev: Source = stem;
	V1_BLOCKS.forEach(({ stride, filters }, i) => {
		if (REMOVED.has(i + 1)) return;
		const block = `block ${i + 1}`;
		const dw = depthwiseConv(prev, { ...v1Naming(`conv_dw_${i + 1}`, block), kernel: 3, stride });
		const pw = pointwiseConv(dw, {
			...v1Naming(`conv_pw_${i + 1}`, block),
			filters: v1Width(filters, alpha)
		});
		layers.push(dw, pw);
		prev = pw;
	});
	return assembleSpec(config, [...layers, ...v1Head(prev, classes)]);
}
