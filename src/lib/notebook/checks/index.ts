/**
 * Exercise checks by "<lesson>/<cell id>": the folder and the file name of the cell's code under
 * content/cells/ (a folder is named after its lesson's slug). Bundled into the notebook worker
 * only, never into a page.
 */
import type { Check } from './common';
import { checks as depthwiseSeparable } from './depthwise-separable-convolution';
import { checks as mobilenetV2 } from './mobilenet-v2';
import { checks as playground } from './playground';
import { checks as pointwise } from './pointwise-convolution';
import { checks as standardConvolution } from './standard-convolution';
import { checks as multipliers } from './width-and-resolution';

const byLesson: Record<string, Record<string, Check>> = {
	'standard-convolution': standardConvolution,
	'depthwise-separable-convolution': depthwiseSeparable,
	'pointwise-convolution': pointwise,
	'width-and-resolution': multipliers,
	'mobilenet-v2': mobilenetV2,
	playground
};

export const CHECKS: ReadonlyMap<string, Check> = new Map(
	Object.entries(byLesson).flatMap(([lesson, checks]) =>
		Object.entries(checks).map(([cell, check]) => [`${lesson}/${cell}`, check] as const)
	)
);

export type { Check } from './common';
