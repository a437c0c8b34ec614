import { describe, expect, it } from 'vitest';
import {
	applyInk,
	inkImage,
	inkPoint,
	inkSvg,
	isInkOp,
	laserOpacity,
	laserTrail,
	parseInk,
	strokeCount,
	strokeOutline,
	strokesAt,
	type DeckInk,
	type InkPoint,
	type Stroke
} from '$lib/present/ink';
import { deckSignature, inkKey, loadInk, saveInk } from '$lib/present/ink-store';
import { InkBoard } from '$lib/present/ink-board.svelte';
import { Deck } from '$lib/present/deck.svelte';
import { loadTeacherMode, saveTeacherMode } from '$lib/present/teacher-mode';

function stroke(id: string, points: InkPoint[], kind: Stroke['kind'] = 'pen'): Stroke {
	return { id, kind, color: kind === 'pen' ? 'blue' : 'yellow', pressure: false, points };
}

const line = stroke('a-1', [
	[100, 100, 0.5],
	[200, 100, 0.5]
]);

function memoryStorage() {
	const store = new Map<string, string>();
	return {
		store,
		getItem: (key: string) => store.get(key) ?? null,
		setItem: (key: string, value: string) => void store.set(key, value),
		removeItem: (key: string) => void store.delete(key)
	};
}

describe('ink operations', () => {
	it('keeps strokes on their slide, grows the one being drawn, erases and clears', () => {
		let ink: DeckInk = {};
		ink = applyInk(ink, { type: 'stroke', slide: 3, stroke: line });
		ink = applyInk(ink, { type: 'stroke', slide: 5, stroke: stroke('a-2', [[1, 2, 0.5]]) });
		expect(Object.keys(ink)).toEqual(['3', '5']);
		ink = applyInk(ink, { type: 'extend', slide: 3, id: 'a-1', points: [[300, 120, 0.4]] });
		expect(ink[3]?.[0]?.points).toHaveLength(3);
		// The first stroke as it was is untouched: strokes are values, safe to memoise on.
		expect(line.points).toHaveLength(2);
		ink = applyInk(ink, { type: 'erase', slide: 3, ids: ['a-1'] });
		expect(ink[3]).toBeUndefined();
		expect(strokeCount(ink)).toBe(1);
		ink = applyInk(ink, { type: 'clear-all' });
		expect(ink).toEqual({});
	});

	it('returns the same ink when nothing changes, so nothing redraws or is sent', () => {
		const ink = applyInk({}, { type: 'stroke', slide: 1, stroke: line });
		expect(applyInk(ink, { type: 'stroke', slide: 1, stroke: line })).toBe(ink);
		expect(applyInk(ink, { type: 'extend', slide: 1, id: 'nope', points: [[1, 1, 1]] })).toBe(ink);
		expect(applyInk(ink, { type: 'erase', slide: 1, ids: ['nope'] })).toBe(ink);
		expect(applyInk(ink, { type: 'clear', slide: 2 })).toBe(ink);
		expect(applyInk({}, { type: 'clear-all' })).toEqual({});
	});

	it('clears one slide and leaves the others', () => {
		let ink = applyInk({}, { type: 'stroke', slide: 1, stroke: line });
		ink = applyInk(ink, { type: 'stroke', slide: 2, stroke: stroke('b', [[5, 5, 0.5]]) });
		ink = applyInk(ink, { type: 'clear', slide: 1 });
		expect(Object.keys(ink)).toEqual(['2']);
	});

	it('rounds points to a tenth of a stage unit and bounds pressure', () => {
		expect(inkPoint(10.04, 20.06, 0.333)).toEqual([10, 20.1, 0.33]);
		expect(inkPoint(1, 2, 7)).toEqual([1, 2, 1]);
		expect(inkPoint(1, 2, Number.NaN)).toEqual([1, 2, 0.5]);
	});
});

describe('stroke shapes', () => {
	it('outlines a stroke as a closed path within reach of its points', () => {
		const path = strokeOutline(line);
		expect(path).toMatch(/^M[\d.,-]+ Q/);
		expect(path.endsWith('Z')).toBe(true);
		const numbers = [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
			Number(m[1]),
			Number(m[2])
		]);
		for (const [x, y] of numbers) {
			expect(x).toBeGreaterThan(90);
			expect(x).toBeLessThan(210);
			expect(y).toBeGreaterThan(90);
			expect(y).toBeLessThan(110);
		}
		// Memoised: the same stroke gives the same string without recomputing.
		expect(strokeOutline(line)).toBe(path);
	});

	it('draws a single tap as a dot', () => {
		expect(strokeOutline(stroke('dot', [[50, 50, 0.5]]))).toMatch(/Z$/);
	});

	it('makes a highlighter wider than a pen', () => {
		const span = (s: Stroke) => {
			const ys = [...strokeOutline(s).matchAll(/,(-?[\d.]+)/g)].map((m) => Number(m[1]));
			return Math.max(...ys) - Math.min(...ys);
		};
		const pen = span(line);
		const marker = span(stroke('h', line.points, 'highlighter'));
		expect(marker).toBeGreaterThan(3 * pen);
	});

	it('prints a slide’s ink as an SVG image of the stage', () => {
		const svg = inkSvg([line, stroke('h', line.points, 'highlighter')], 720, 540);
		expect(svg).toContain('width="720" height="540" viewBox="0 0 720 540"');
		expect(svg.match(/<path /g)).toHaveLength(2);
		expect(svg).toContain('fill-opacity="0.38"');
		expect(inkImage(undefined, 960, 540)).toBe('none');
		expect(inkImage([], 960, 540)).toBe('none');
		expect(inkImage([line], 960, 540)).toMatch(/^url\("data:image\/svg\+xml,%3Csvg/);
	});
});

describe('eraser', () => {
	it('finds the strokes it passes over, counting their width', () => {
		const strokes = [line, stroke('far', [[500, 400, 0.5]])];
		expect(strokesAt(strokes, 150, 105, 4)).toEqual(['a-1']);
		expect(strokesAt(strokes, 150, 130, 4)).toEqual([]);
		expect(strokesAt(strokes, 503, 400, 4)).toEqual(['far']);
		// Past the line's end: the distance is to the end point, not to the infinite line.
		expect(strokesAt(strokes, 230, 100, 4)).toEqual([]);
	});
});

describe('laser trail', () => {
	it('fades each point within a second', () => {
		const points = [
			{ x: 0, y: 0, t: 0 },
			{ x: 5, y: 5, t: 500 }
		];
		expect(laserTrail(points, 600)).toHaveLength(2);
		expect(laserTrail(points, 1200)).toEqual([{ x: 5, y: 5, t: 500 }]);
		expect(laserTrail(points, 5000)).toEqual([]);
		expect(laserOpacity({ x: 0, y: 0, t: 100 }, 100)).toBe(1);
		expect(laserOpacity({ x: 0, y: 0, t: 100 }, 100_000)).toBe(0);
	});
});

describe('what other windows and storage may hand over', () => {
	it('accepts well-formed operations only', () => {
		expect(isInkOp({ type: 'stroke', slide: 0, stroke: line })).toBe(true);
		expect(isInkOp({ type: 'extend', slide: 0, id: 'a-1', points: [[1, 2, 0.5]] })).toBe(true);
		expect(isInkOp({ type: 'erase', slide: 2, ids: ['a-1'] })).toBe(true);
		expect(isInkOp({ type: 'clear-all' })).toBe(true);
		expect(isInkOp({ type: 'stroke', slide: 0, stroke: { ...line, color: 'pink' } })).toBe(false);
		expect(isInkOp({ type: 'stroke', slide: 0, stroke: { ...line, points: [] } })).toBe(false);
		expect(isInkOp({ type: 'extend', slide: 0, id: 'a', points: [[1, Number.NaN, 0]] })).toBe(
			false
		);
		expect(isInkOp({ type: 'clear', slide: 1.5 })).toBe(false);
		expect(isInkOp(null)).toBe(false);
	});

	it('keeps the well-formed strokes of a damaged deck', () => {
		expect(parseInk({ 2: [line, { id: 'x' }], nope: [line], 4: 'x' })).toEqual({ 2: [line] });
		expect(parseInk([line])).toEqual({});
	});
});

describe('ink storage', () => {
	it('round-trips per deck and language, and drops ink of another outline', () => {
		const storage = memoryStorage();
		const signature = deckSignature(['Title', 'One', 'Two']);
		const key = inkKey('ru', 'mobilenet-v1');
		expect(key).toBe('separable-ink:ru/mobilenet-v1');
		expect(saveInk(storage, key, signature, { 1: [line] })).toBe(true);
		expect(loadInk(storage, key, signature)).toEqual({ 1: [line] });
		expect(loadInk(storage, inkKey('en', 'mobilenet-v1'), signature)).toEqual({});
		// The lesson gained a slide: its old ink is not laid over the wrong slides.
		expect(loadInk(storage, key, deckSignature(['Title', 'One', 'New', 'Two']))).toEqual({});
		// No ink left: nothing stored.
		expect(saveInk(storage, key, signature, {})).toBe(true);
		expect(storage.store.has(key)).toBe(false);
	});

	it('survives junk and says when the browser refuses', () => {
		const storage = memoryStorage();
		storage.store.set('k', 'not json');
		expect(loadInk(storage, 'k', 'sig')).toEqual({});
		const full = {
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {}
		};
		expect(saveInk(full, 'k', 'sig', { 1: [line] })).toBe(false);
	});

	it('fingerprints the outline', () => {
		expect(deckSignature(['a', 'b'])).toMatch(/^[0-9a-f]{8}$/);
		expect(deckSignature(['a', 'b'])).toBe(deckSignature(['a', 'b']));
		expect(deckSignature(['a', 'b'])).not.toBe(deckSignature(['ab']));
	});
});

describe('InkBoard', () => {
	function board() {
		const sent: string[] = [];
		let saved = 0;
		const lasers: number[][] = [];
		const ink = new InkBoard('here');
		ink.outlet = {
			send: (op) => sent.push(op.type),
			save: () => saved++,
			sendLaser: (slide, x, y) => lasers.push([slide, x, y])
		};
		return { ink, sent, saved: () => saved, lasers };
	}

	it('draws with the pen in hand, sends every change and saves each finished stroke', () => {
		const { ink, sent, saved } = board();
		ink.pick('green');
		const id = ink.begin(2, 10, 10, 0.5, false);
		ink.extend(2, id, [
			[20, 20, 0.5],
			[30, 30, 0.5]
		]);
		expect(saved()).toBe(0);
		ink.finish();
		expect(saved()).toBe(1);
		expect(sent).toEqual(['stroke', 'extend']);
		expect(ink.strokes(2)).toHaveLength(1);
		expect(ink.strokes(2)[0]).toMatchObject({ kind: 'pen', color: 'green', id: 'here-1' });
		expect(ink.strokes(2)[0]?.points).toHaveLength(3);
		ink.tool = 'highlighter';
		ink.begin(2, 50, 50, 0.5, true);
		expect(ink.strokes(2)[1]).toMatchObject({ kind: 'highlighter', color: 'yellow', id: 'here-2' });
	});

	it('erases, clears a slide and clears everything', () => {
		const { ink, sent, saved } = board();
		ink.tool = 'pen';
		ink.begin(1, 100, 100, 0.5, false);
		ink.begin(4, 100, 100, 0.5, false);
		ink.eraseAt(1, 300, 300);
		expect(sent).toEqual(['stroke', 'stroke']);
		ink.eraseAt(1, 101, 101);
		expect(ink.strokes(1)).toHaveLength(0);
		ink.clearSlide(1);
		expect(sent).toEqual(['stroke', 'stroke', 'erase']);
		ink.clearSlide(4);
		expect(ink.strokes(4)).toHaveLength(0);
		ink.begin(5, 1, 1, 0.5, false);
		ink.clearAll();
		expect(ink.ink).toEqual({});
		expect(sent.slice(-2)).toEqual(['stroke', 'clear-all']);
		expect(saved()).toBe(2);
	});

	it('applies what it hears without sending it back', () => {
		const { ink, sent } = board();
		ink.hear({ type: 'stroke', slide: 0, stroke: line });
		ink.replace({ 7: [line] });
		expect(ink.strokes(7)).toEqual([line]);
		expect(sent).toEqual([]);
	});

	it('points the laser here and there, and lets it fade', () => {
		const { ink, lasers } = board();
		ink.point(3, 10, 20, 1000);
		ink.hearPoint(50, 60, 1000);
		expect(lasers).toEqual([[3, 10, 20]]);
		expect(ink.fade(1500)).toBe(true);
		expect(ink.fade(10_000)).toBe(false);
		expect(ink.laser).toEqual({ here: [], there: [] });
	});

	it('takes a tool in hand and puts it down', () => {
		const { ink } = board();
		ink.toggle('laser');
		expect(ink.tool).toBe('laser');
		ink.toggle('pen');
		expect(ink.tool).toBe('pen');
		ink.toggle('pen');
		expect(ink.tool).toBeNull();
	});
});

describe('the deck’s ink keys', () => {
	it('D and L take the pen and the laser, E clears the slide, Escape puts the tool down last', () => {
		const deck = new Deck(6, 2, 'w');
		deck.act({ type: 'pen' });
		expect(deck.ink.tool).toBe('pen');
		deck.ink.begin(2, 5, 5, 0.5, false);
		deck.act({ type: 'clear-ink' });
		expect(deck.ink.strokes(2)).toHaveLength(0);
		deck.act({ type: 'overview' });
		deck.act({ type: 'escape' });
		expect(deck.nav.overview).toBe(false);
		expect(deck.ink.tool).toBe('pen');
		deck.act({ type: 'escape' });
		expect(deck.ink.tool).toBeNull();
		deck.act({ type: 'laser' });
		expect(deck.ink.tool).toBe('laser');
	});
});

describe('teacher mode', () => {
	it('is off until a teacher turns it on, and remembered', () => {
		const storage = memoryStorage();
		expect(loadTeacherMode(storage)).toBe(false);
		expect(saveTeacherMode(storage, true)).toBe(true);
		expect(loadTeacherMode(storage)).toBe(true);
		saveTeacherMode(storage, false);
		expect(loadTeacherMode(storage)).toBe(false);
		const blocked = {
			getItem: () => {
				throw new Error('blocked');
			}
		};
		expect(loadTeacherMode(blocked)).toBe(false);
	});
});
