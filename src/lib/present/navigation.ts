import type { DeckAction } from './keys';

/** Where the deck is and what is laid over it. Indices are 0-based; the URL shows them 1-based. */
export interface DeckState {
	index: number;
	count: number;
	/** The screen is blacked out (B). */
	black: boolean;
	overview: boolean;
	help: boolean;
	/** Digits typed towards a jump ("12" then Enter goes to slide 12). */
	typed: string;
}

/** Navigation state changes; fullscreen, presenter, contrast and aspect are side effects of the view. */
export type NavAction = DeckAction | { type: 'goto'; index: number };

const maxTypedDigits = 4;

export function clampIndex(index: number, count: number): number {
	if (count <= 0 || !Number.isFinite(index)) return 0;
	return Math.min(count - 1, Math.max(0, Math.trunc(index)));
}

export function initialState(count: number, index = 0): DeckState {
	return {
		index: clampIndex(index, count),
		count,
		black: false,
		overview: false,
		help: false,
		typed: ''
	};
}

function moveTo(state: DeckState, index: number): DeckState {
	return { ...state, index: clampIndex(index, state.count), typed: '' };
}

/** The next state after an action. Pure: the view applies side effects. */
export function reduce(state: DeckState, action: NavAction): DeckState {
	// The help dialog is modal: the first key closes it, and only ? and Escape are spent on that.
	if (state.help && action.type !== 'digit') {
		const closed = { ...state, help: false };
		return action.type === 'help' || action.type === 'escape' ? closed : reduce(closed, action);
	}
	switch (action.type) {
		case 'goto':
			return { ...moveTo(state, action.index), black: false };
		case 'next':
		case 'prev': {
			// A blacked-out screen comes back on the slide it left, as in PowerPoint.
			if (state.black) return { ...state, black: false, typed: '' };
			return moveTo(state, state.index + (action.type === 'next' ? 1 : -1));
		}
		case 'first':
			return { ...moveTo(state, 0), black: false };
		case 'last':
			return { ...moveTo(state, state.count - 1), black: false };
		case 'digit': {
			const typed = (state.typed + String(action.digit)).slice(-maxTypedDigits);
			return { ...state, typed };
		}
		case 'backspace':
			return { ...state, typed: state.typed.slice(0, -1) };
		case 'enter': {
			if (state.typed !== '') {
				return { ...moveTo(state, Number(state.typed) - 1), black: false, overview: false };
			}
			return state.overview ? { ...state, overview: false } : state;
		}
		case 'black':
			return { ...state, black: !state.black, typed: '' };
		case 'overview':
			return { ...state, overview: !state.overview, black: false, typed: '' };
		case 'help':
			return { ...state, help: true, typed: '' };
		case 'escape':
			if (state.typed !== '') return { ...state, typed: '' };
			if (state.overview) return { ...state, overview: false };
			if (state.black) return { ...state, black: false };
			return state;
		default:
			return state;
	}
}
