/**
 * The two caption lines under each item of a track (input, filters, outputs), and how wide they
 * get: the layout gives every item at least its caption's width, so captions never run together
 * in any language.
 */
import { m } from '$lib/paraglide/messages';
import { atomAt, type Atom, type Track } from '$lib/viz/conv-steps';

const dims = (side: number, channels: number) => `${side}×${side}×${channels}`;

/** Captions in item order, for the atom shown (null before the first). */
export function trackCaptions(track: Track, atom: Atom | null): [string, string][] {
	const { size } = track;
	const list: [string, string][] = [[m.anim_caption_input(), dims(size.df, size.m)]];
	track.phases.forEach((p, k) => {
		const current = atom && atom.phase === k ? atom.filter + 1 : atom && atom.phase > k ? p.n : 1;
		if (p.kind === 'depthwise') {
			list.push([
				m.anim_caption_dw_filters({ count: p.n }),
				`${p.dk}×${p.dk} · ${m.anim_caption_channel({ index: String(current), count: String(p.n) })}`
			]);
		} else if (p.kind === 'grouped') {
			const group = atom && atom.phase === k ? atom.group + 1 : 1;
			list.push([
				m.anim_caption_filter({ index: String(current), count: String(p.n) }),
				`${dims(p.dk, p.atomsPerCell)} · ${m.anim_caption_group({ index: String(group) })}`
			]);
		} else {
			list.push([
				m.anim_caption_filter({ index: String(current), count: String(p.n) }),
				dims(p.dk, p.m)
			]);
		}
		const last = k === track.phases.length - 1;
		list.push([last ? m.anim_caption_output() : m.anim_caption_feature(), dims(p.outSize, p.n)]);
	});
	return list;
}

/** Characters that set about a full em wide: CJK ideographs, kana, Hangul, full-width forms. */
const WIDE = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** A width estimate for text set at `px` (before a canvas can measure it: prerendering). */
export function estimateWidth(text: string, px: number): number {
	let ems = 0;
	for (const char of text) ems += WIDE.test(char) ? 1 : 0.6;
	return ems * px;
}

/**
 * `text` broken at its spaces into lines no wider than `width` by estimateWidth (a word wider than
 * that keeps a line of its own), one line at least: an axis title longer than a phone's chart.
 */
export function wrapLines(text: string, width: number, px: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const longer = line ? `${line} ${word}` : word;
		if (line && estimateWidth(longer, px) > width) {
			lines.push(line);
			line = word;
		} else {
			line = longer;
		}
	}
	return [...lines, line];
}

/**
 * The widest each item's caption gets as the animation runs (its counters at their longest), in
 * pixels, with `measure` giving the width of a line.
 */
export function captionWidths(track: Track, measure: (text: string) => number): number[] {
	const last = atomAt(track, track.totalAtoms - 1);
	const widths: number[] = [];
	for (const captions of [trackCaptions(track, null), trackCaptions(track, last)]) {
		captions.forEach((lines, k) => {
			widths[k] = Math.max(widths[k] ?? 0, ...lines.map(measure));
		});
	}
	return widths;
}
