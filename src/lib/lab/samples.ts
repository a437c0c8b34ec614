/** The sample photos in static/samples/ (CC0 or public domain, from scikit-image's data). */
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
