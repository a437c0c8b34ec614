import {
	applyInk,
	inkPoint,
	laserTrail,
	strokesAt,
	type DeckInk,
	type InkOp,
	type InkPoint,
	type LaserPoint,
	type PenColor,
	type Stroke
} from './ink';

/** What the pointer does on a slide. No tool: the slide's own links and widgets get it. */
export type InkTool = 'pen' | 'highlighter' | 'eraser' | 'laser';

/** How close to a stroke the eraser must pass, in stage units (about a fingertip on a slide). */
const ERASER_RADIUS = 10;

/** Where a window's changes go: the other window (every change) and storage (each finished one). */
export interface InkOutlet {
	send: (op: InkOp) => void;
	save: () => void;
	sendLaser: (slide: number, x: number, y: number) => void;
}

/**
 * One window's ink: the deck's strokes (shared with the other window), the tool in hand and the
 * laser pointer. Pointer input arrives here in stage units; `outlet` carries local changes out.
 */
export class InkBoard {
	ink = $state.raw<DeckInk>({});
	tool = $state<InkTool | null>(null);
	color = $state<PenColor>('red');
	/** Laser points drawn here and heard from the other window, each trail by itself. */
	laser = $state.raw<{ here: LaserPoint[]; there: LaserPoint[] }>({ here: [], there: [] });
	outlet: InkOutlet | null = null;

	readonly #window: string;
	#strokes = 0;

	/** `window` names this window in stroke ids (unique per page load). */
	constructor(window: string) {
		this.#window = window;
	}

	strokes(slide: number): readonly Stroke[] {
		return this.ink[slide] ?? [];
	}

	/** Takes a tool in hand, or puts it down if it is already there. */
	toggle(tool: InkTool): void {
		this.tool = this.tool === tool ? null : tool;
	}

	/** Picks a pen colour (and the pen with it). */
	pick(color: PenColor): void {
		this.color = color;
		this.tool = 'pen';
	}

	/** Starts a stroke with the tool in hand; returns its id. */
	begin(slide: number, x: number, y: number, pressure: number, stylus: boolean): string {
		const id = `${this.#window}-${++this.#strokes}`;
		const kind = this.tool === 'highlighter' ? 'highlighter' : 'pen';
		const stroke: Stroke = {
			id,
			kind,
			color: kind === 'highlighter' ? 'yellow' : this.color,
			pressure: stylus,
			points: [inkPoint(x, y, pressure)]
		};
		this.#local({ type: 'stroke', slide, stroke });
		return id;
	}

	extend(slide: number, id: string, points: readonly [number, number, number][]): void {
		if (points.length === 0) return;
		const rounded: InkPoint[] = points.map(([x, y, p]) => inkPoint(x, y, p));
		this.#local({ type: 'extend', slide, id, points: rounded });
	}

	/** A stroke or an eraser drag is over: keep the result. */
	finish(): void {
		this.outlet?.save();
	}

	eraseAt(slide: number, x: number, y: number): void {
		const ids = strokesAt(this.strokes(slide), x, y, ERASER_RADIUS);
		if (ids.length > 0) this.#local({ type: 'erase', slide, ids });
	}

	clearSlide(slide: number): void {
		if (this.strokes(slide).length === 0) return;
		this.#local({ type: 'clear', slide });
		this.outlet?.save();
	}

	clearAll(): void {
		this.#local({ type: 'clear-all' });
		this.outlet?.save();
	}

	/** A change made in the other window. */
	hear(op: InkOp): void {
		this.ink = applyInk(this.ink, op);
	}

	/** The whole deck's ink, from storage or from the window this one joined. */
	replace(ink: DeckInk): void {
		this.ink = ink;
	}

	point(slide: number, x: number, y: number, now: number): void {
		this.laser = { ...this.laser, here: [...laserTrail(this.laser.here, now), { x, y, t: now }] };
		this.outlet?.sendLaser(slide, x, y);
	}

	hearPoint(x: number, y: number, now: number): void {
		this.laser = { ...this.laser, there: [...laserTrail(this.laser.there, now), { x, y, t: now }] };
	}

	/** Drops faded laser points; returns whether any are left to draw. */
	fade(now: number): boolean {
		const here = laserTrail(this.laser.here, now);
		const there = laserTrail(this.laser.there, now);
		if (here.length !== this.laser.here.length || there.length !== this.laser.there.length) {
			this.laser = { here, there };
		}
		return here.length + there.length > 0;
	}

	#local(op: InkOp): void {
		const next = applyInk(this.ink, op);
		if (next === this.ink) return;
		this.ink = next;
		this.outlet?.send(op);
	}
}
