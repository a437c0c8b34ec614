/**
 * For each erratum in published.ts, what the engine computes in place of the printed figure, so
 * a lesson can show printed and computed side by side without typing either.
 */
import {
	ERRATA,
	mobilenetV1,
	mobilenetV1FullConv,
	mobilenetV2,
	mobilenetV3Large,
	mobilenetV3Small,
	V1_PLANET_SIZES
} from '$lib/architecture';
import type { Erratum, ErratumLabel, ErratumValue, NetworkSpec } from '$lib/architecture';
import type { Locale } from '$lib/paraglide/runtime';
import { formatNumber } from './numbers';

const millions = (label: ErratumLabel, value: number, digits: number, model?: string) =>
	({ label, kind: 'millions', value, digits, ...(model && { model }) }) as const;

/** A printed or computed value as the page shows it, in the reader's language. */
export function formatErratumValue(value: ErratumValue, lang: Locale): string {
	if (value.kind === 'text') return value.value;
	return formatNumber(value.value, value.kind, lang, value.digits);
}

function layer(spec: NetworkSpec, name: string) {
	const found = spec.layers.find((l) => l.name === name);
	if (!found) throw new Error(`no layer ${name}`);
	return found;
}

const ACTIVATION_NAMES = { relu: 'ReLU', relu6: 'ReLU6', hswish: 'h-swish' } as const;

const COMPUTE: Record<string, () => ErratumValue[]> = {
	'v1-relu6': () => {
		const activations = new Set(
			mobilenetV1()
				.layers.filter((l) => l.batchNorm)
				.map((l) => l.activation)
		);
		return [...activations].map((a) => ({
			label: 'activation',
			kind: 'text',
			value: a in ACTIVATION_NAMES ? ACTIVATION_NAMES[a as keyof typeof ACTIVATION_NAMES] : a
		}));
	},
	'v1-dw13-stride': () => [
		{ label: 'stride', kind: 'text', value: `s${layer(mobilenetV1(), 'conv_dw_13').stride}` }
	],
	'v1-conv1-share': () => {
		const spec = mobilenetV1();
		return [
			{
				label: 'share',
				kind: 'percent',
				value: spec.byKind.conv.macs / spec.totals.macs,
				digits: 2
			}
		];
	},
	'v1-table4-no-fc': () => {
		const full = mobilenetV1FullConv();
		return [
			millions('without-fc', full.totals.macs - full.byKind.fc.macs, 0),
			millions('with-fc', full.totals.macs, 0)
		];
	},
	'v1-table7-160': () => [millions('macs', mobilenetV1(1, 160).totals.macs, 0)],
	'tf-slim-v1-macs': () => [
		...[224, 192, 160, 128].map((res) => {
			const spec = mobilenetV1(0.75, res);
			return millions('without-conv1', spec.totals.macs - spec.byKind.conv.macs, 1, `0.75-${res}`);
		}),
		millions('macs', mobilenetV1(0.25, 192).totals.macs, 1, '0.25-192')
	],
	'v1-planet-madds': () => {
		const spec = mobilenetV1();
		const body = spec.totals.macs - spec.byKind.fc.macs;
		// PlaNet's final layer holds the printed weights the body does not, one mult-add each.
		const printed = V1_PLANET_SIZES.rows.find((r) => r.row === 'PlaNet MobileNet')?.params;
		if (printed === undefined) throw new Error('no printed size of the MobileNet PlaNet');
		const finalLayer = printed * 1e6 - (spec.totals.params - spec.byKind.fc.params);
		return [millions('without-fc', body, 0), millions('with-fc', body + finalLayer, 0)];
	},
	'v2-v1-madds': () => [millions('macs', mobilenetV1().totals.macs, 0)],
	'v2-1.0-headline': () => {
		const spec = mobilenetV2();
		return [millions('macs', spec.totals.macs, 1), millions('params', spec.totals.params, 2)];
	},
	'v2-1.4-headline': () => {
		const spec = mobilenetV2(1.4);
		return [millions('macs', spec.totals.macs, 1), millions('params', spec.totals.params, 2)];
	},
	'v3-large-madds': () => [millions('macs', mobilenetV3Large().totals.macs, 1)],
	'v3-small-head': () => {
		const spec = mobilenetV3Small();
		return [millions('macs', spec.totals.macs, 1), millions('params', spec.totals.params, 2)];
	}
};

/** The erratum and what the layers give instead. Unknown ids throw, failing the build. */
export function erratumWithComputed(id: string): { erratum: Erratum; computed: ErratumValue[] } {
	const erratum = ERRATA.find((e) => e.id === id);
	const compute = COMPUTE[id];
	if (!erratum) throw new Error(`unknown erratum ${id}`);
	if (!compute) throw new Error(`no computation for erratum ${id}`);
	return { erratum, computed: compute() };
}

/** Errata the engine lists that this module cannot yet compute (a test keeps this empty). */
export function uncoveredErrata(): string[] {
	return ERRATA.map((e) => e.id).filter((id) => !(id in COMPUTE));
}
