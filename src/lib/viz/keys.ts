/** The keyboard map shared by every animation: space plays, arrows step, Home/End jump. */
export interface KeyActions {
	toggle: () => void;
	step: (direction: 1 | -1) => void;
	start: () => void;
	end: () => void;
}

/** The action for a key, or null to leave the key alone. */
export function keyAction(key: string, actions: KeyActions): (() => void) | null {
	switch (key) {
		case ' ':
			return actions.toggle;
		case 'ArrowRight':
		case 'ArrowDown':
			return () => actions.step(1);
		case 'ArrowLeft':
		case 'ArrowUp':
			return () => actions.step(-1);
		case 'Home':
			return actions.start;
		case 'End':
			return actions.end;
		default:
			return null;
	}
}

/** Form controls keep their own keys: space clicks a button, arrows move a slider. */
export function ownsKeys(target: EventTarget | null): boolean {
	return (
		typeof (target as Element | null)?.closest === 'function' &&
		(target as Element).closest('input, select, textarea, button, [role="slider"]') !== null
	);
}
