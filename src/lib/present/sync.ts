/**
 * Keeps the audience window and the presenter window on the same slide over a BroadcastChannel
 * (same browser, same machine, no server). Either side may move; each applies what it hears
 * without sending it back, so the two never echo a change between them.
 */
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
	| { type: 'screen'; from: string; aspect: Aspect };

/** The part of BroadcastChannel this module uses, so tests can pass a stand-in. */
export interface ChannelLike {
	postMessage(message: unknown): void;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	close(): void;
}

export function channelName(lang: string, slug: string): string {
	return `separable-present:${lang}/${slug}`;
}

export function isSyncMessage(data: unknown): data is SyncMessage {
	if (typeof data !== 'object' || data === null) return false;
	const message = data as Record<string, unknown>;
	if (typeof message.from !== 'string') return false;
	if (message.type === 'hello') return true;
	if (message.type === 'screen') return (aspects as readonly unknown[]).includes(message.aspect);
	return (
		message.type === 'state' &&
		typeof message.index === 'number' &&
		Number.isInteger(message.index) &&
		message.index >= 0 &&
		typeof message.black === 'boolean'
	);
}

function same(a: SyncState | null, b: SyncState): boolean {
	return a !== null && a.index === b.index && a.black === b.black;
}

export class DeckSync {
	/** What this window last sent or received: publishing it again would be an echo. */
	#shared: SyncState | null = null;
	/** This window's slide shape, when it is the audience's. */
	#screen: Aspect | null = null;

	constructor(
		private readonly channel: ChannelLike,
		private readonly id: string,
		private readonly current: () => SyncState,
		private readonly onRemote: (state: SyncState) => void,
		private readonly onScreen: (aspect: Aspect) => void = () => {}
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
		this.channel.postMessage({ type: 'hello', from: this.id } satisfies SyncMessage);
	}

	/** Tell the others about a local change. Returns whether a message was sent. */
	publish(state: SyncState, force = false): boolean {
		if (!force && same(this.#shared, state)) return false;
		this.#shared = { ...state };
		this.channel.postMessage({ type: 'state', from: this.id, ...state } satisfies SyncMessage);
		return true;
	}

	/** The audience tells the presenter its slide shape (and tells it again to each newcomer). */
	announceScreen(aspect: Aspect): void {
		if (aspect === this.#screen) return;
		this.#screen = aspect;
		this.channel.postMessage({ type: 'screen', from: this.id, aspect } satisfies SyncMessage);
	}

	close(): void {
		this.channel.close();
	}

	#receive(data: unknown): void {
		if (!isSyncMessage(data) || data.from === this.id) return;
		if (data.type === 'hello') {
			this.publish(this.current(), true);
			if (this.#screen) {
				this.channel.postMessage({
					type: 'screen',
					from: this.id,
					aspect: this.#screen
				} satisfies SyncMessage);
			}
			return;
		}
		if (data.type === 'screen') {
			this.onScreen(data.aspect);
			return;
		}
		const state = { index: data.index, black: data.black };
		this.#shared = state;
		this.onRemote(state);
	}
}
