/** A horizontal swipe on a touch screen: left goes forward, right goes back. */
export function swipeDirection(
	dx: number,
	dy: number,
	ms: number,
	minDistance = 50
): 'next' | 'prev' | null {
	if (ms > 1000 || Math.abs(dx) < minDistance || Math.abs(dx) < 1.5 * Math.abs(dy)) return null;
	return dx < 0 ? 'next' : 'prev';
}
