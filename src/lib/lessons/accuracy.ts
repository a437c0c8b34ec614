/**
 * Data for the accuracy-vs-mult-adds chart of the width and resolution lesson (V1 paper,
 * Figure 4): the 16 official V1 checkpoints, placed at the mult-adds the engine counts for them.
 */
import { ALPHA_RANGE, RESOLUTION_RANGE, V1_CHECKPOINTS, mobilenetV1 } from '$lib/architecture';

export interface CheckpointPoint {
	alpha: number;
	resolution: number;
	/** Counted by the engine. */
	macs: number;
	params: number;
	/** As the TF-slim page prints them. */
	printedMacsM: number;
	top1: number;
	top5: number;
}

export function checkpointPoints(): CheckpointPoint[] {
	return V1_CHECKPOINTS.map((c) => {
		const { totals } = mobilenetV1(c.alpha, c.resolution);
		return {
			alpha: c.alpha,
			resolution: c.resolution,
			macs: totals.macs,
			params: totals.params,
			printedMacsM: c.macsM,
			top1: c.top1,
			top5: c.top5
		};
	});
}

/** The chart's own sliders move in the lab's ranges, in steps a student can hit again. */
export const ALPHA_STEP = 0.05;
export const RESOLUTION_STEP = 16;
export const CHART_ALPHA = { ...ALPHA_RANGE, step: ALPHA_STEP };
export const CHART_RESOLUTION = { ...RESOLUTION_RANGE, step: RESOLUTION_STEP };

/** Clamps and snaps a slider value (floating steps accumulate error: 0.1 + 0.05·3 ≠ 0.25). */
export function snap(value: number, range: { min: number; max: number; step: number }): number {
	const clamped = Math.min(range.max, Math.max(range.min, value));
	const steps = Math.round((clamped - range.min) / range.step);
	return Number((range.min + steps * range.step).toFixed(6));
}

/** The student's model: its cost, and the checkpoint it is, if it is one. */
export function modelAt(
	alpha: number,
	resolution: number,
	points: readonly CheckpointPoint[]
): { macs: number; params: number; checkpoint: CheckpointPoint | null } {
	const { totals } = mobilenetV1(alpha, resolution);
	const checkpoint = points.find((p) => p.alpha === alpha && p.resolution === resolution) ?? null;
	return { macs: totals.macs, params: totals.params, checkpoint };
}

/** The lab's query string for a V1 model: the parameters clampConfig reads. */
export function labQuery(alpha: number, resolution: number): string {
	return `?version=v1&alpha=${alpha}&res=${resolution}`;
}
