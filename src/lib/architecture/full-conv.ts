/**
 * The "Conv MobileNet" of the V1 paper's Table 4: each depthwise + pointwise pair replaced by
 * one standard 3×3 convolution with the pointwise layer's width and the depthwise layer's
 * stride. A what-if network, never trained here, so its layer names are only Keras-like.
 */
import { withDefaults } from './config';
import { standardConv } from './layers';
import type { Source } from './layers';
import { v1Width } from './rounding';
import { assembleSpec } from './totals';
import type { NetworkSpec } from './types';
import { V1_BLOCKS, v1Head, v1Naming, v1Stem } from './v1';

export function mobilenetV1FullConv(alpha = 1, resolution = 224, classes = 1000): NetworkSpec {
	const config = withDefaults({ version: 'v1', alpha, resolution, classes });
	const stem = v1Stem(resolution, alpha);
	let prev: Source = stem;
	const body = V1_BLOCKS.map(({ stride, filters }, i) => {
		const conv = standardConv(prev, {
			...v1Naming(`conv_full_${i + 1}`, `block ${i + 1}`),
			kernel: 3,
			stride,
			filters: v1Width(filters, alpha)
		});
		prev = conv;
		return conv;
	});
	return assembleSpec(config, [stem, ...body, ...v1Head(prev, classes)]);
}
