import { afterEach, describe, expect, it } from 'vitest';
import { applyInk, type DeckInk, type Stroke } from '$lib/present/ink';
import { DeckSync, channelName, isSyncMessage, type SyncState } from '$lib/present/sync';

const name = channelName('en', 'test-lesson');
const open: DeckSync[] = [];

function windowWith(id: string, start: SyncState) {
	let state = { ...start };
	const heard: SyncState[] = [];
	const channel = new BroadcastChannel(name);
	let sent = 0;
	const post = channel.postMessage.bind(channel);
	channel.postMessage = (message: unknown) => {
		sent++;
		post(message);
	};
	const sync = new DeckSync(channel, id, {
		current: () => state,
		onState: (remote) => {
			heard.push(remote);
			state = remote;
			// The view publishes after every change, as the deck's effect does; it must not echo.
			sync.publish(state);
		}
	});
	open.push(sync);
	return {
		sync,
		heard,
		sent: () => sent,
		state: () => state,
		move(index: number) {
			state = { ...state, index };
			sync.publish(state);
		}
	};
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

afterEach(() => {
	for (const sync of open.splice(0)) sync.close();
});

describe('DeckSync', () => {
	it('keeps two windows on the same slide, whichever moves', async () => {
		const audience = windowWith('audience', { index: 0, black: false });
		const presenter = windowWith('presenter', { index: 0, black: false });
		audience.move(3);
		await settle();
		expect(presenter.state()).toEqual({ index: 3, black: false });
		presenter.move(5);
		await settle();
		expect(audience.state()).toEqual({ index: 5, black: false });
		// One message per move: neither window echoed what it heard.
		expect(audience.sent()).toBe(1);
		expect(presenter.sent()).toBe(1);
	});

	it('answers a new window’s hello with the current slide', async () => {
		const audience = windowWith('audience', { index: 7, black: true });
		const presenter = windowWith('presenter', { index: 0, black: false });
		presenter.sync.hello();
		await settle();
		expect(presenter.state()).toEqual({ index: 7, black: true });
		expect(audience.heard).toEqual([]);
	});

	it('lets a reloaded window follow the talk instead of dragging it back', async () => {
		const audience = windowWith('audience', { index: 7, black: false });
		const presenter = windowWith('presenter', { index: 2, black: false });
		// The presenter reloads at #3 while the audience is on slide 8.
		presenter.sync.adopt(presenter.state());
		expect(presenter.sync.publish(presenter.state())).toBe(false);
		presenter.sync.hello();
		await settle();
		expect(presenter.state()).toEqual({ index: 7, black: false });
		expect(audience.state()).toEqual({ index: 7, black: false });
	});

	it('tells the presenter the audience’s slide shape, also when it joins late', async () => {
		const heard: string[] = [];
		const audience = new DeckSync(new BroadcastChannel(name), 'audience', {
			current: () => ({ index: 0, black: false }),
			onState: () => {}
		});
		open.push(audience);
		audience.announceScreen('4:3');
		const presenter = new DeckSync(new BroadcastChannel(name), 'presenter', {
			current: () => ({ index: 0, black: false }),
			onState: () => {},
			onScreen: (aspect) => heard.push(aspect)
		});
		open.push(presenter);
		presenter.hello();
		await settle();
		expect(heard).toEqual(['4:3']);
		audience.announceScreen('16:9');
		audience.announceScreen('16:9');
		await settle();
		expect(heard).toEqual(['4:3', '16:9']);
	});

	it('carries ink, the laser and a change of language, and gives a newcomer the ink so far', async () => {
		const stroke: Stroke = {
			id: 'audience-1',
			kind: 'pen',
			color: 'red',
			pressure: false,
			points: [[10, 20, 0.5]]
		};
		let presenterInk: DeckInk = {};
		const lasers: number[][] = [];
		const languages: string[] = [];
		const audience = new DeckSync(new BroadcastChannel(name), 'audience', {
			current: () => ({ index: 2, black: false }),
			onState: () => {},
			ink: () => ({ 2: [stroke] })
		});
		const presenter = new DeckSync(new BroadcastChannel(name), 'presenter', {
			current: () => ({ index: 2, black: false }),
			onState: () => {},
			onInk: (op) => (presenterInk = applyInk(presenterInk, op)),
			onInkAll: (ink) => (presenterInk = ink),
			onLaser: (slide, x, y) => lasers.push([slide, x, y]),
			onLanguage: (lang) => languages.push(lang)
		});
		open.push(audience, presenter);
		presenter.hello();
		await settle();
		expect(presenterInk).toEqual({ 2: [stroke] });
		audience.sendInk({ type: 'extend', slide: 2, id: 'audience-1', points: [[30, 40, 0.5]] });
		audience.sendLaser(2, 100, 200);
		audience.sendLanguage('ru');
		await settle();
		expect(presenterInk[2]?.[0]?.points).toEqual([
			[10, 20, 0.5],
			[30, 40, 0.5]
		]);
		expect(lasers).toEqual([[2, 100, 200]]);
		expect(languages).toEqual(['ru']);
	});

	it('rejects malformed messages', () => {
		expect(isSyncMessage({ type: 'ink', from: 'x', op: { type: 'clear', slide: 3 } })).toBe(true);
		expect(isSyncMessage({ type: 'ink', from: 'x', op: { type: 'clear', slide: -3 } })).toBe(false);
		expect(isSyncMessage({ type: 'ink', from: 'x', op: { type: 'paint' } })).toBe(false);
		expect(isSyncMessage({ type: 'laser', from: 'x', slide: 1, x: 5, y: Infinity })).toBe(false);
		expect(isSyncMessage({ type: 'screen', from: 'x', aspect: '4:3' })).toBe(true);
		expect(isSyncMessage({ type: 'screen', from: 'x', aspect: '21:9' })).toBe(false);
		expect(isSyncMessage({ type: 'state', from: 'x', index: 2, black: false })).toBe(true);
		expect(isSyncMessage({ type: 'hello', from: 'x' })).toBe(true);
		expect(isSyncMessage({ type: 'state', from: 'x', index: -1, black: false })).toBe(false);
		expect(isSyncMessage({ type: 'state', from: 'x', index: 1.5, black: false })).toBe(false);
		expect(isSyncMessage({ type: 'state', index: 1, black: false })).toBe(false);
		expect(isSyncMessage('goto 3')).toBe(false);
		expect(isSyncMessage(null)).toBe(false);
	});
});
