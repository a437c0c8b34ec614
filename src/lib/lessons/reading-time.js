// Reading time from a lesson's text. Alphabetic scripts (Latin, Cyrillic) are counted in words;
// Chinese and Korean, whose words are not reliably space-delimited units, by characters.
// Plain JS: the lesson pipeline (mdsvex-plugins.js, loaded by svelte.config.js) counts with it too.

/** Technical prose reads slower than the ~240 words a minute of general non-fiction. */
export const WORDS_PER_MINUTE = 200;
/** Silent reading of Chinese runs at about 255 characters a minute (Trauzettel-Klosinski et al., 2012). */
export const HAN_PER_MINUTE = 260;
/** A Hangul syllable block carries roughly half what a Chinese character does. */
export const HANGUL_PER_MINUTE = 500;

const HAN = /\p{Script=Han}/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** @typedef {{ words: number, han: number, hangul: number }} ReadingUnits */

/** @param {string} text @returns {ReadingUnits} */
export function countReadingUnits(text) {
	const han = text.match(HAN)?.length ?? 0;
	const hangul = text.match(HANGUL)?.length ?? 0;
	const alphabetic = text.replace(HAN, ' ').replace(HANGUL, ' ');
	return { words: alphabetic.match(WORD)?.length ?? 0, han, hangul };
}

/**
 * Whole minutes, rounded up, at least one.
 * @param {string | ReadingUnits} text the text, or its counts
 */
export function readingMinutes(text) {
	const { words, han, hangul } = typeof text === 'string' ? countReadingUnits(text) : text;
	const minutes = words / WORDS_PER_MINUTE + han / HAN_PER_MINUTE + hangul / HANGUL_PER_MINUTE;
	return Math.max(1, Math.ceil(minutes));
}
