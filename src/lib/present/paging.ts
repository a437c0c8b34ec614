/**
 * Long tables on a slide show their rows a page at a time instead of shrinking the slide. These
 * split a table's rows into pages for the height the slide leaves it.
 */

/** Measured heights carry sub-pixel rounding: a row this much too tall still counts as fitting. */
const SLACK = 0.5;

/** First row of each page when every page is filled before the next starts. */
function greedyStarts(heights: readonly number[], capacity: number): number[] {
	const starts: number[] = [];
	let used = Infinity;
	heights.forEach((height, row) => {
		if (used + height > capacity + SLACK) {
			starts.push(row);
			used = 0;
		}
		used += height;
	});
	return starts;
}

/**
 * The first row of each page, for rows of the given heights on pages `available` tall: as few pages
 * as possible, and none fuller than those need (21 rows that need two pages split 11 and 10, not
 * 12 and 9). A row taller than a page gets a page of its own. No rows: one empty page.
 */
export function pageStarts(heights: readonly number[], available: number): number[] {
	if (heights.length === 0) return [0];
	const fewest = greedyStarts(heights, available);
	if (fewest.length <= 1) return [0];
	// The smallest page height that still needs no more pages.
	let low = Math.max(...heights);
	let high = Math.max(available, low);
	for (let step = 0; step < 30 && high - low > SLACK / 2; step++) {
		const mid = (low + high) / 2;
		if (greedyStarts(heights, mid).length <= fewest.length) high = mid;
		else low = mid;
	}
	return greedyStarts(heights, high);
}

export interface PageRange {
	/** 1-based, inclusive: what a reader calls "rows 1–11". */
	first: number;
	last: number;
}

/** The rows of each page, for pages starting at `starts` in a table of `count` rows. */
export function pageRanges(starts: readonly number[], count: number): PageRange[] {
	return starts.map((start, page) => ({
		first: start + 1,
		last: starts[page + 1] ?? count
	}));
}

/** The page holding `row` (0-based). */
export function pageOf(starts: readonly number[], row: number): number {
	let page = 0;
	starts.forEach((start, k) => {
		if (start <= row) page = k;
	});
	return page;
}
