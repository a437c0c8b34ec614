/**
 * What the lab's sliders offer: their ranges come from the engine, their marks from the
 * published checkpoints, so no architecture number is typed here.
 */
import {
	ALPHA_RANGE,
	DEFAULT_CONFIG,
	RESOLUTION_RANGE,
	V1_CHECKPOINTS,
	V2_CHECKPOINTS,
	V3_CHECKPOINTS
} from '$lib/architecture';
import type { Version } from '$lib/architecture';

export interface SliderSpec {
	min: number;
	max: number;
	step: number;
	/** Values the published models use, marked under the slider. */
	marks: number[];
}

const ALPHA_STEP = 0.05;
/** Multiples of 8 keep every published input size (and the 32-pixel minimum) on the slider. */
const RESOLUTION_STEP = 8;

function distinctSorted(values: Iterable<number>): number[] {
	return [...new Set(values)].sort((a, b) => a - b);
}

/** The width multipliers the released models of a version use. */
export function publishedAlphas(version: Version): number[] {
	switch (version) {
		case 'v1':
			return distinctSorted(V1_CHECKPOINTS.map((c) => c.alpha));
		case 'v2':
			return distinctSorted(V2_CHECKPOINTS.map((c) => c.alpha));
		case 'v3-large':
		case 'v3-small':
			return distinctSorted(
				V3_CHECKPOINTS.filter((c) => c.variant === version).map((c) => c.alpha)
			);
	}
}

export function alphaSlider(version: Version): SliderSpec {
	return {
		min: ALPHA_RANGE.min,
		max: ALPHA_RANGE.max,
		step: ALPHA_STEP,
		marks: publishedAlphas(version).filter((a) => a >= ALPHA_RANGE.min && a <= ALPHA_RANGE.max)
	};
}

/** The input sizes of the released V1 checkpoints; Keras offers the same ones for V2 and V3. */
export function resolutionSlider(): SliderSpec {
	return {
		min: RESOLUTION_RANGE.min,
		max: RESOLUTION_RANGE.max,
		step: RESOLUTION_STEP,
		marks: distinctSorted(V1_CHECKPOINTS.map((c) => c.resolution))
	};
}

/** The resolution multiplier ρ of the V1 paper: input size over the base size 224. */
export function rho(resolution: number): number {
	return resolution / DEFAULT_CONFIG.resolution;
}

/** Where a value sits along a slider, 0 to 1, for placing its mark. */
export function markPosition(value: number, slider: SliderSpec): number {
	return (value - slider.min) / (slider.max - slider.min);
}

/**
 * Range inputs hand back strings built from float steps (0.1 + 13 × 0.05); round to the step's
 * decimals so 0.75 reads and serialises as 0.75.
 */
export function snapToStep(value: number, step: number): number {
	const decimals = (String(step).split('.')[1] ?? '').length;
	return Number(value.toFixed(decimals));
}
