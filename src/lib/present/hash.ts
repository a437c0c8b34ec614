/**
 * The URL hash holds the 1-based slide number (#5), so a reload or a shared link returns to the
 * same slide. `#/5` and `#slide-5` are read too. Returns a 0-based index, or null for no number.
 */
export function parseSlideHash(hash: string, count: number): number | null {
	const match = /^#?\/?(?:slide-?)?(\d{1,6})$/i.exec(hash.trim());
	if (!match || count <= 0) return null;
	const number = Number(match[1]);
	return Math.min(count, Math.max(1, number)) - 1;
}

export function slideHash(index: number): `#${number}` {
	return `#${Math.max(0, Math.trunc(index)) + 1}`;
}
