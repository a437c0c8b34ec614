/** The sample photos in static/samples/ (CC0 or public domain, from scikit-image's data). */
import { asset } from '$app/paths';
import { m } from '$lib/paraglide/messages';

export interface Sample {
	file: string;
	title: () => string;
}

export const SAMPLES: readonly Sample[] = [
	{ file: 'coffee.png', title: m.live_sample_coffee },
	{ file: 'chelsea.png', title: m.live_sample_chelsea },
	{ file: 'astronaut.png', title: m.live_sample_astronaut },
	{ file: 'rocket.jpg', title: m.live_sample_rocket }
];

/** A sample photo's bytes, for LiveNetwork.load. */
export async function fetchSample(file: string): Promise<Blob> {
	const response = await fetch(asset(`/samples/${file}`));
	if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
	return response.blob();
}
