/**
 * When an island's content hydrates: once it is this close to the viewport (an IntersectionObserver
 * root margin), so scrolling finds it ready, or at the first of these events inside it. The events
 * are listened to in the capture phase; hydration adopts the DOM nodes the event already targets,
 * so a first click or key press reaches the widget's own handlers.
 */
export const ISLAND_MARGIN = '600px 0px';
/** Dispatched on an element inside an island that must show its current state now. */
export const ISLAND_WAKE = 'separable:wake';
export const WAKE_EVENTS = [
	'pointerdown',
	'focusin',
	'keydown',
	'touchstart',
	ISLAND_WAKE
] as const;
