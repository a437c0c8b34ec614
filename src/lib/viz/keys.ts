import type { Player } from './player.svelte';

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

/** The part of a keydown event the handler reads. */
export interface KeyEventLike {
	key: string;
	target: EventTarget | null;
	preventDefault(): void;
}

/**
 * The keydown handler of an animation's figure: space plays or pauses `player`, arrows call
 * `step`, Home and End jump to either end; keys a form control owns are left to it.
 */
export function playerKeydown(
	player: Pick<Player, 'toggle' | 'jump' | 'total'>,
	step: (direction: 1 | -1) => void
): (event: KeyEventLike) => void {
	return (event) => {
		if (ownsKeys(event.target)) return;
		const action = keyAction(event.key, {
			toggle: () => player.toggle(),
			step,
			start: () => player.jump(0),
			end: () => player.jump(player.total)
		});
		if (!action) return;
		event.preventDefault();
		action();
	};
}
