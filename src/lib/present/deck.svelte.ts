import { InkBoard } from './ink-board.svelte';
import type { DeckAction } from './keys';
import { initialState, reduce, type DeckState, type NavAction } from './navigation';
import { defaultSettings, type PresentSettings } from './settings';
import { nextAspectChoice } from './stage';
import type { SyncState } from './sync';

/** Side effects a key may ask for, which only the page can carry out. */
export type DeckEffect = 'fullscreen' | 'presenter';

/**
 * One deck's state, shared by the audience and presenter views: navigation (pure reducer), the
 * projector settings and the ink. Views read it reactively and call `act`.
 */
export class Deck {
	nav = $state<DeckState>(initialState(0));
	settings = $state<PresentSettings>({ ...defaultSettings });
	readonly ink: InkBoard;

	/** `window` names this window in the ids of the strokes drawn in it. */
	constructor(count: number, index = 0, window = 'local') {
		this.nav = initialState(count, index);
		this.ink = new InkBoard(window);
	}

	get index(): number {
		return this.nav.index;
	}

	get count(): number {
		return this.nav.count;
	}

	get sync(): SyncState {
		return { index: this.nav.index, black: this.nav.black };
	}

	go(action: NavAction): void {
		this.nav = reduce(this.nav, action);
	}

	/** Applies a key's action; returns the side effect the page must perform, if any. */
	act(action: DeckAction): DeckEffect | null {
		switch (action.type) {
			case 'fullscreen':
			case 'presenter':
				return action.type;
			case 'contrast':
				this.settings = { ...this.settings, contrast: !this.settings.contrast };
				return null;
			case 'aspect':
				this.settings = { ...this.settings, aspect: nextAspectChoice(this.settings.aspect) };
				return null;
			case 'pen':
			case 'laser':
				this.ink.toggle(action.type);
				return null;
			case 'clear-ink':
				this.ink.clearSlide(this.index);
				return null;
			case 'escape': {
				// Escape first closes what covers the slide, then puts the pen down.
				const before = this.nav;
				this.go(action);
				if (this.nav === before) this.ink.tool = null;
				return null;
			}
			default:
				this.go(action);
				return null;
		}
	}

	/** State heard from the other window. */
	follow(remote: SyncState): void {
		this.nav = { ...reduce(this.nav, { type: 'goto', index: remote.index }), black: remote.black };
	}
}
