/**
 * Summary statistics for benchmark samples (milliseconds).
 * @param {number[]} samples
 */
export function summarize(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (/** @type {number} */ q) =>
		sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	const round = (/** @type {number} */ x) => Math.round(x * 1000) / 1000;
	return {
		runs: sorted.length,
		median: round(at(0.5)),
		p95: round(at(0.95)),
		min: round(sorted[0]),
		max: round(sorted[sorted.length - 1])
	};
}
