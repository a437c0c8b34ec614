/**
 * The V1 paper's Tables 6 (width multiplier) and 7 (resolution), printed figures beside what the
 * engine counts for the same networks.
 */
import { V1_TABLE6, V1_TABLE7, mobilenetV1 } from '$lib/architecture';

export interface MultiplierRow {
	alpha: number;
	resolution: number;
	top1: number;
	printed: { multAddsM: number; paramsM: number };
	computed: { macs: number; params: number };
	/** True when the printed mult-adds are not the computed count rounded to a whole million. */
	differs: boolean;
}

export function multiplierRows(by: 'alpha' | 'resolution'): MultiplierRow[] {
	const rows =
		by === 'alpha'
			? V1_TABLE6.map((r) => ({ ...r, resolution: 224 }))
			: V1_TABLE7.map((r) => ({ ...r, alpha: 1 }));
	return rows.map((r) => {
		const { totals } = mobilenetV1(r.alpha, r.resolution);
		return {
			alpha: r.alpha,
			resolution: r.resolution,
			top1: r.top1,
			printed: { multAddsM: r.multAddsM, paramsM: r.paramsM },
			computed: { macs: totals.macs, params: totals.params },
			differs: Math.round(totals.macs / 1e6) !== r.multAddsM
		};
	});
}
