/** The lab page's state: one config, everything else derived from it through the engine. */
import { DEFAULT_CONFIG, buildSpec } from '$lib/architecture';
import type { ConfigNote } from '$lib/architecture';
import { fullConvComparison } from './comparison';
import { LayerSelection } from './layer-selection.svelte';
import { publishedFigures } from './published';
import { applyField, parseLabLayer, parseLabQuery, refusal, sameConfig } from './query';
import { chooseStart, namesConfig, startCandidates } from './start';
import { canLoadTrainedWeights } from '$lib/model/load';
import { TRAINED_MODELS } from '$lib/model/registry';
import type { FieldChange, LabConfig } from './query';

/** Where a highlight came from: the chart scrolls the table to it, the table does not scroll. */
export type HighlightSource = 'chart' | 'table';

export class LabState {
	config = $state.raw<LabConfig>(DEFAULT_CONFIG);
	/** Values the lab replaced (from the address or typed in), until dismissed. */
	notes = $state.raw<ConfigNote[]>([]);
	highlight = $state.raw<{ name: string; source: HighlightSource } | null>(null);
	/** The layer whose feature maps are open (the table and chart open them too). */
	readonly layer = new LayerSelection();

	spec = $derived(buildSpec(this.config));
	fullConv = $derived(fullConvComparison(this.config, this.spec.totals));
	published = $derived(publishedFigures(this.config));

	/**
	 * Reads ?version=&alpha=&res=&layer=; returns whether anything had to be replaced (a layer the
	 * network lacks is dropped).
	 */
	load(params: URLSearchParams): boolean {
		const { config, notes } = parseLabQuery(params);
		this.config = config;
		this.notes = notes;
		const layer = parseLabLayer(params);
		const known = layer !== null && this.spec.layers.some((l) => l.name === layer);
		if (known) this.layer.open(layer, 'maps');
		return notes.length > 0 || (layer !== null && !known);
	}

	/**
	 * Opens the lab on an address: the configuration it names, or, when it names none, the widest
	 * trained network `loadable` finds (start.ts), unless the reader has changed the settings
	 * meanwhile. Returns whether anything in the address had to be replaced.
	 */
	async open(
		params: URLSearchParams,
		loadable: (config: LabConfig) => Promise<boolean> = canLoadTrainedWeights
	): Promise<boolean> {
		const replaced = this.load(params);
		if (namesConfig(params)) return replaced;
		const opened = this.config;
		const start = await chooseStart(startCandidates(TRAINED_MODELS), loadable);
		if (this.config === opened) this.config = start;
		return replaced;
	}

	set(change: FieldChange): void {
		const { config, notes } = applyField(this.config, change);
		if (!sameConfig(config, this.config)) this.config = config;
		if (notes.length > 0) this.notes = notes;
	}

	/** Typed text that is no number: nothing changes, and a note says so. */
	refuse(field: 'alpha' | 'res', given: string): void {
		this.notes = [refusal(this.config, field, given)];
	}

	/** A whole configuration at once (the offer of a trained one), already valid. */
	use(config: LabConfig): void {
		if (!sameConfig(config, this.config)) this.config = config;
	}

	dismissNotes(): void {
		this.notes = [];
	}
}
