/**
 * The 1000 ImageNet class names, index-aligned with the official MobileNet outputs, from
 * Google's @tensorflow-models/mobilenet package (its data file only, not its model code).
 */
import { IMAGENET_CLASSES } from '@tensorflow-models/mobilenet/dist/imagenet_classes.js';

export const IMAGENET_CLASS_COUNT = 1000;

/** Class names by output index. */
export const imagenetClasses: readonly string[] = Array.from(
	{ length: IMAGENET_CLASS_COUNT },
	(_, i) => {
		const name = IMAGENET_CLASSES[i];
		if (name === undefined) throw new Error(`ImageNet class ${i} is missing.`);
		return name;
	}
);

/** The class name for an output index; other class counts (untrained heads) get "class i". */
export function className(index: number, classes = IMAGENET_CLASS_COUNT): string {
	return classes === IMAGENET_CLASS_COUNT
		? (imagenetClasses[index] ?? `class ${index}`)
		: `class ${index}`;
}
