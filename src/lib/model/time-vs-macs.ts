/**
 * Measured time against counted mult-adds, from the per-layer timings of profile.ts. Pure (no
 * tfjs), so the lab can import it without loading the model code.
 */
import { LAYER_KINDS, type LayerKind, type NetworkSpec } from '$lib/architecture';
import type { LayerTiming } from './profile';

export interface KindTime {
	kind: LayerKind;
	ms: number;
	macs: number;
	/** Share of the measured time, 0…1. */
	timeShare: number;
	/** Share of the network's mult-adds, 0…1. */
	macsShare: number;
	/** Mult-adds per second achieved by these layers, in billions; null when they have none. */
	gmacPerSecond: number | null;
}

export interface LayerRate {
	name: string;
	kind: LayerKind;
	ms: number;
	macs: number;
	/** Null for layers without mult-adds (pool, add) or without measured time. */
	gmacPerSecond: number | null;
}

export interface TimeVsMacs {
	/** Per layer kind, in the engine's kind order, only kinds the network has. */
	kinds: KindTime[];
	/** Per spec layer that was timed, in spec order. */
	layers: LayerRate[];
	totalMs: number;
	totalMacs: number;
}

function rate(macs: number, ms: number): number | null {
	return macs > 0 && ms > 0 ? macs / (ms * 1e6) : null;
}

/**
 * Measured time against counted mult-adds: each kind's share of both, and each layer's rate on
 * this device. A kind whose time share exceeds its mult-add share runs below the network's
 * average rate (depthwise layers do: little arithmetic per value moved).
 */
export function timeVsMacs(spec: NetworkSpec, timings: readonly LayerTiming[]): TimeVsMacs {
	const specOf = new Map(spec.layers.map((l) => [l.name, l]));
	const layers: LayerRate[] = timings.flatMap(({ name, ms }) => {
		const layer = specOf.get(name);
		return layer
			? [{ name, kind: layer.kind, ms, macs: layer.macs, gmacPerSecond: rate(layer.macs, ms) }]
			: [];
	});
	const totalMs = layers.reduce((s, l) => s + l.ms, 0);
	const totalMacs = layers.reduce((s, l) => s + l.macs, 0);
	const kinds = LAYER_KINDS.flatMap((kind) => {
		const of = layers.filter((l) => l.kind === kind);
		if (of.length === 0) return [];
		const ms = of.reduce((s, l) => s + l.ms, 0);
		const macs = of.reduce((s, l) => s + l.macs, 0);
		return [
			{
				kind,
				ms,
				macs,
				timeShare: totalMs > 0 ? ms / totalMs : 0,
				macsShare: totalMacs > 0 ? macs / totalMacs : 0,
				gmacPerSecond: rate(macs, ms)
			}
		];
	});
	return { kinds, layers, totalMs, totalMacs };
}
