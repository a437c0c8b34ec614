import { afterEach, describe, expect, it } from 'vitest';
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
	const sync = new DeckSync(
		channel,
		id,
		() => state,
		(remote) => {
			heard.push(remote);
			state = remote;
			// The view publishes after every change, as the deck's effect does; it must not echo.
			sync.publish(state);
		}
	);
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
		const audience = new DeckSync(
			new BroadcastChannel(name),
			'audience',
			() => ({ index: 0, black: false }),
			() => {}
		);
		open.push(audience);
		audience.announceScreen('4:3');
		const presenter = new DeckSync(
			new BroadcastChannel(name),
			'presenter',
			() => ({ index: 0, black: false }),
			() => {},
			(aspect) => heard.push(aspect)
		);
		open.push(presenter);
		presenter.hello();
		await settle();
		expect(heard).toEqual(['4:3']);
		audience.announceScreen('16:9');
		audience.announceScreen('16:9');
		await settle();
		expect(heard).toEqual(['4:3', '16:9']);
	});

	it('rejects malformed messages', () => {
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
