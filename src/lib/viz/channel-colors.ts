/**
 * One colour per input channel, carried into the filters that touch it and the outputs they make.
 * Okabe–Ito first, then Paul Tol's muted set: colour-blind safe hues, and never the only cue —
 * every slice is also numbered.
 */
const PALETTE = [
	'#e69f00',
	'#56b4e9',
	'#009e73',
	'#f0e442',
	'#0072b2',
	'#d55e00',
	'#cc79a7',
	'#332288',
	'#88ccee',
	'#44aa99',
	'#117733',
	'#999933',
	'#ddcc77',
	'#cc6677',
	'#882255',
	'#aa4499'
] as const;

export function channelColor(channel: number): string {
	return PALETTE[((channel % PALETTE.length) + PALETTE.length) % PALETTE.length] as string;
}

/** Outputs that mix every channel get a neutral colour: no single input owns them. */
export const MIXED_COLOR = 'var(--c-other)';
