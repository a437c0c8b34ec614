/**
 * Which layer's feature maps the lab shows, shared by everything that can open a layer: the live
 * section's layer strip, the op-count table and the mult-adds chart. Opening from the table or
 * the chart asks the maps to come into view; "back" asks the opener to take focus again.
 */
export type LayerOpener = 'maps' | 'table' | 'chart';

export class LayerSelection {
	/** Spec name of the open layer. */
	name = $state<string | null>(null);
	opener = $state<LayerOpener>('maps');
	/** Counts openings from outside the maps; each one brings the maps into view. */
	reveals = $state(0);
	/** Counts "back" requests; the opener brings its row or bar back into view and focus. */
	returns = $state(0);

	open(name: string, opener: LayerOpener): void {
		this.name = name;
		this.opener = opener;
		if (opener !== 'maps') this.reveals++;
	}

	/** The maps' own layer buttons: a second press closes the layer. */
	toggle(name: string): void {
		if (this.name === name) this.close();
		else this.open(name, 'maps');
	}

	close(): void {
		this.name = null;
		this.opener = 'maps';
	}

	back(): void {
		if (this.opener !== 'maps') this.returns++;
	}
}
