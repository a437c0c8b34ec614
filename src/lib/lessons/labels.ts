import type { Shape, Version } from '$lib/architecture';

/** Network names are proper nouns: the same in every language. */
const VERSION_LABELS: Record<Version, string> = {
	v1: 'MobileNetV1',
	v2: 'MobileNetV2',
	'v3-large': 'MobileNetV3-Large',
	'v3-small': 'MobileNetV3-Small'
};

export function versionLabel(version: Version): string {
	return VERSION_LABELS[version];
}

/** 224 × 224 × 3, as V1's Table 1 prints shapes. */
export function shapeLabel([h, w, c]: Shape): string {
	return `${h} × ${w} × ${c}`;
}

/** 224² × 3, as the V2 and V3 tables print them. */
export function squareShapeLabel([h, w, c]: Shape): string {
	return h === w ? `${h}² × ${c}` : `${h} × ${w} × ${c}`;
}
