/**
 * Slides are laid out on a fixed logical stage and scaled to the screen with a CSS transform, so a
 * slide looks the same on a 1024×768 projector and a 4K display. The stage is small (540 logical
 * pixels tall, about 25 lines of the site's own type) and everything in it is magnified, rem-sized
 * lesson components included: at 1080p the type is about 40 px, readable from the back of a room.
 * Both stages share the height, so type has the same size relative to the screen in 16:9 and 4:3.
 */
export const aspects = ['16:9', '4:3'] as const;
export type Aspect = (typeof aspects)[number];
export type AspectChoice = Aspect | 'auto';

export const stageSizes: Record<Aspect, { width: number; height: number }> = {
	'16:9': { width: 960, height: 540 },
	'4:3': { width: 720, height: 540 }
};

/** The stage that wastes least of a screen: 16:9 for wide screens, 4:3 for 1024×768 projectors. */
export function autoAspect(width: number, height: number): Aspect {
	if (width <= 0 || height <= 0) return '16:9';
	// Halfway between 4:3 (1.33) and 16:9 (1.78), in log space: 16:10 screens get 16:9.
	const threshold = Math.sqrt((16 / 9) * (4 / 3));
	return width / height >= threshold ? '16:9' : '4:3';
}

export function resolveAspect(choice: AspectChoice, width: number, height: number): Aspect {
	return choice === 'auto' ? autoAspect(width, height) : choice;
}

export function nextAspectChoice(choice: AspectChoice): AspectChoice {
	return choice === 'auto' ? '16:9' : choice === '16:9' ? '4:3' : 'auto';
}

export interface StageFit {
	scale: number;
	/** Offset of the scaled stage inside the box, centring it. */
	left: number;
	top: number;
}

/** Scale and centre a stage inside a box of the given size. */
export function fitStage(boxWidth: number, boxHeight: number, aspect: Aspect): StageFit {
	const { width, height } = stageSizes[aspect];
	const scale = Math.max(0, Math.min(boxWidth / width, boxHeight / height));
	return {
		scale,
		left: (boxWidth - width * scale) / 2,
		top: (boxHeight - height * scale) / 2
	};
}

/**
 * The largest zoom in [min, 1] at which a slide's content fits, by bisection. `overflows(zoom)`
 * lays the slide out at that zoom and says whether it is still too tall. Text reflows as the zoom
 * changes, so the relation is monotonic but not linear.
 */
export function fitZoom(overflows: (zoom: number) => boolean, min = 0.5, steps = 6): number {
	if (!overflows(1)) return 1;
	if (overflows(min)) return min;
	let fits = min;
	let tooBig = 1;
	for (let step = 0; step < steps; step++) {
		const mid = (fits + tooBig) / 2;
		if (overflows(mid)) tooBig = mid;
		else fits = mid;
	}
	return Math.floor(fits * 1000) / 1000;
}
