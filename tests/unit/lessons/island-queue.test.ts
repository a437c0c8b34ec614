import { describe, expect, it } from 'vitest';
import { TaskQueue } from '$lib/components/island/queue';

/** A queue whose tasks run only when the test says so. */
function manual() {
	const tasks: (() => void)[] = [];
	const queue = new TaskQueue((run) => tasks.push(run));
	const step = () => tasks.shift()?.();
	return { queue, tasks, step };
}

describe('TaskQueue', () => {
	it('runs one job per task, in the order queued', () => {
		const { queue, tasks, step } = manual();
		const ran: string[] = [];
		for (const name of ['a', 'b', 'c']) queue.add(() => ran.push(name));
		expect(tasks).toHaveLength(1);
		step();
		expect(ran).toEqual(['a']);
		step();
		step();
		expect(ran).toEqual(['a', 'b', 'c']);
		expect(tasks).toHaveLength(0);
		expect(queue.size).toBe(0);
	});

	it('drops a cancelled job and runs the rest', () => {
		const { queue, step } = manual();
		const ran: string[] = [];
		queue.add(() => ran.push('a'));
		const cancel = queue.add(() => ran.push('b'));
		queue.add(() => ran.push('c'));
		cancel();
		step();
		step();
		step();
		expect(ran).toEqual(['a', 'c']);
	});

	it('keeps going after a job that throws', () => {
		const { queue, step } = manual();
		const ran: string[] = [];
		queue.add(() => {
			throw new Error('broken island');
		});
		queue.add(() => ran.push('next'));
		expect(step).toThrow('broken island');
		step();
		expect(ran).toEqual(['next']);
	});

	it('posts again for jobs added after the queue ran empty', () => {
		const { queue, tasks, step } = manual();
		const ran: string[] = [];
		queue.add(() => ran.push('a'));
		step();
		expect(tasks).toHaveLength(0);
		queue.add(() => ran.push('b'));
		expect(tasks).toHaveLength(1);
		step();
		expect(ran).toEqual(['a', 'b']);
	});
});
