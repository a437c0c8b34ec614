/**
 * Which layer's feature maps the lab shows, shared by everything that can open a layer: the
 * network strip, the layer picker, the op-count table and the mult-adds chart. Opening from
 * outside the maps asks them to come into view; "back" asks the opener to take focus again.
 * Both are callbacks the components register (and unregister when they go), not state: a
 * component created later never reacts to an old request.
 */
export type LayerOpener = 'maps' | 'strip' | 'table' | 'chart';

type Listener = (name: string, opener: LayerOpener) => void;

export class LayerSelection {
	/** Spec name of the open layer. */
	name = $state<string | null>(null);
	opener = $state<LayerOpener>('maps');

	// Listeners, not state: nothing renders from them.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #reveal = new Set<Listener>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #return = new Set<Listener>();

	/** `fn` runs whenever a layer is opened from outside the maps; returns an unsubscribe. */
	onReveal(fn: Listener): () => void {
		this.#reveal.add(fn);
		return () => this.#reveal.delete(fn);
	}

	/** `fn` runs when the reader asks to go back to where the open layer came from. */
	onReturn(fn: Listener): () => void {
		this.#return.add(fn);
		return () => this.#return.delete(fn);
	}

	open(name: string, opener: LayerOpener): void {
		this.name = name;
		this.opener = opener;
		if (opener !== 'maps') for (const fn of this.#reveal) fn(name, opener);
	}

	/** The maps' own layer picker: choosing the open layer again keeps it open. */
	pick(name: string): void {
		this.open(name, 'maps');
	}

	close(): void {
		this.name = null;
		this.opener = 'maps';
	}

	back(): void {
		if (this.opener === 'maps' || this.name === null) return;
		for (const fn of this.#return) fn(this.name, this.opener);
	}
}
