/**
 * Keeps the audience window and the presenter window together over a BroadcastChannel (same
 * browser, same machine, no server): the slide, the black screen, the ink and the laser pointer.
 * Either side may act; each applies what it hears without sending it back, so the two never echo
 * a change between them.
 */
import { isInkOp, parseInk, type DeckInk, type InkOp } from './ink';
import { aspects, type Aspect } from './stage';

export interface SyncState {
	index: number;
	black: boolean;
}

export type SyncMessage =
	| ({ type: 'state'; from: string } & SyncState)
	/** A window that just opened asks the others where they are. */
	| { type: 'hello'; from: string }
	/** The audience's slide shape, so the presenter previews slides as the room sees them. */
	| { type: 'screen'; from: string; aspect: Aspect }
	/** A change to the ink, as it happens (a stroke grows point by point). */
	| { type: 'ink'; from: string; op: InkOp }
	/** All of the deck's ink, for a window that just joined. */
	| { type: 'ink-all'; from: string; ink: DeckInk }
	/** Where the laser pointer is, in stage units. */
	| { type: 'laser'; from: string; slide: number; x: number; y: number }
	/** The talk goes on in another language: the other window follows. */
	| { type: 'language'; from: string; lang: string };

/** The part of BroadcastChannel this module uses, so tests can pass a stand-in. */
export interface ChannelLike {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	close(): void;
}

export function channelName(lang: string, slug: string): string {
	return `separable-present:${lang}/${slug}`;
}

const finite = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value);

export function isSyncMessage(data: unknown): data is SyncMessage {
	if (typeof data !== 'object' || data === null) return false;
	const message = data as Record<string, unknown>;
	if (typeof message.from !== 'string') return false;
	switch (message.type) {
		case 'hello':
			return true;
		case 'screen':
			return (aspects as readonly unknown[]).includes(message.aspect);
		case 'ink':
			return isInkOp(message.op);
		case 'ink-all':
			return typeof message.ink === 'object' && message.ink !== null;
		case 'laser':
			return (
				finite(message.slide) &&
				Number.isInteger(message.slide) &&
				finite(message.x) &&
				finite(message.y)
			);
		case 'language':
			return typeof message.lang === 'string';
		case 'state':
			return (
				typeof message.index === 'number' &&
				Number.isInteger(message.index) &&
				message.index >= 0 &&
				typeof message.black === 'boolean'
			);
		default:
			return false;
	}
}

function same(a: SyncState | null, b: SyncState): boolean {
	return a !== null && a.index === b.index && a.black === b.black;
}

/** What a window tells the sync about itself, and what it does with what it hears. */
export interface SyncHandlers {
	/** This window's slide and black screen. */
	current: () => SyncState;
	onState: (state: SyncState) => void;
	/** The presenter hears the audience's slide shape. */
	onScreen?: (aspect: Aspect) => void;
	/** This window's ink, sent whole to a window that joins. */
	ink?: () => DeckInk;
	onInk?: (op: InkOp) => void;
	onInkAll?: (ink: DeckInk) => void;
	onLaser?: (slide: number, x: number, y: number) => void;
	onLanguage?: (lang: string) => void;
}

export class DeckSync {
	/** What this window last sent or received: publishing it again would be an echo. */
	#shared: SyncState | null = null;
	/** This window's slide shape, when it is the audience's. */
	#screen: Aspect | null = null;

	constructor(
		private readonly channel: ChannelLike,
		private readonly id: string,
		private readonly handlers: SyncHandlers
	) {
		channel.addEventListener('message', ({ data }) => this.#receive(data));
	}

	/**
	 * Take a state as already shared without sending it: a window that opens or reloads should
	 * follow the talk in progress, not drag the other window back to the slide in its own URL.
	 */
	adopt(state: SyncState): void {
		this.#shared = { ...state };
	}

	/** Ask the other windows for their state (a presenter window opening joins the talk). */
	hello(): void {
		this.#post({ type: 'hello', from: this.id });
	}

	/** Tell the others about a local change. Returns whether a message was sent. */
	publish(state: SyncState, force = false): boolean {
		if (!force && same(this.#shared, state)) return false;
		this.#shared = { ...state };
		this.#post({ type: 'state', from: this.id, ...state });
		return true;
	}

	/** The audience tells the presenter its slide shape (and tells it again to each newcomer). */
	announceScreen(aspect: Aspect): void {
		if (aspect === this.#screen) return;
		this.#screen = aspect;
		this.#post({ type: 'screen', from: this.id, aspect });
	}

	/** A change this window made to the ink. */
	sendInk(op: InkOp): void {
		this.#post({ type: 'ink', from: this.id, op });
	}

	sendLaser(slide: number, x: number, y: number): void {
		this.#post({ type: 'laser', from: this.id, slide, x, y });
	}

	sendLanguage(lang: string): void {
		this.#post({ type: 'language', from: this.id, lang });
	}

	close(): void {
		this.channel.close();
	}

	#post(message: SyncMessage): void {
		this.channel.postMessage(message);
	}

	#receive(data: unknown): void {
		if (!isSyncMessage(data) || data.from === this.id) return;
		const handlers = this.handlers;
		switch (data.type) {
			case 'hello': {
				this.publish(handlers.current(), true);
				if (this.#screen) this.#post({ type: 'screen', from: this.id, aspect: this.#screen });
				const ink = handlers.ink?.();
				if (ink) this.#post({ type: 'ink-all', from: this.id, ink });
				return;
			}
			case 'screen':
				handlers.onScreen?.(data.aspect);
				return;
			case 'ink':
				handlers.onInk?.(data.op);
				return;
			case 'ink-all':
				handlers.onInkAll?.(parseInk(data.ink));
				return;
			case 'laser':
				handlers.onLaser?.(data.slide, data.x, data.y);
				return;
			case 'language':
				handlers.onLanguage?.(data.lang);
				return;
			case 'state': {
				const state = { index: data.index, black: data.black };
				this.#shared = state;
				handlers.onState(state);
			}
		}
	}
}
