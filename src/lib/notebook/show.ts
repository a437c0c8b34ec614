/**
 * `show`, the helpers a cell uses to display results, and the console that prints into the
 * cell. Tensors are read here (synchronously: the run is still inside its tfjs scope) and
 * turned into plain data before they cross to the page.
 */
import { inspectAll, isTensorLike, type TensorLike } from './inspect';
import {
	OUTPUT_LIMITS,
	barItem,
	gridFromNested,
	heatmapItem,
	imageItem,
	lineItem,
	tableItem,
	type ChartOptions,
	type Grid,
	type OutputItem
} from './output';

type Readable = TensorLike & { dataSync(): ArrayLike<number>; arraySync(): unknown };

function grid(data: unknown, helper: string): Grid {
	if (isTensorLike(data)) {
		if (data.isDisposed) throw new TypeError(`${helper}: the tensor is disposed`);
		return { values: (data as Readable).dataSync(), shape: [...data.shape] };
	}
	return gridFromNested(data, helper);
}

/** Tensors anywhere in a chart's or table's data become nested arrays. */
function plain(data: unknown): unknown {
	if (isTensorLike(data)) {
		if (data.isDisposed) throw new TypeError('show: the tensor is disposed');
		return (data as Readable).arraySync();
	}
	if (Array.isArray(data)) return data.map(plain);
	if (
		typeof data === 'object' &&
		data !== null &&
		Object.getPrototypeOf(data) === Object.prototype
	) {
		return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, plain(v)]));
	}
	return data;
}

function titleOf(options: unknown): string | undefined {
	if (typeof options === 'string') return options;
	if (typeof options === 'object' && options !== null && 'title' in options) {
		return String((options as { title: unknown }).title);
	}
	return undefined;
}

export interface Show {
	text(...values: unknown[]): void;
	table(data: unknown, columns?: string[]): void;
	image(data: unknown, title?: string | { title?: string }): void;
	heatmap(data: unknown, title?: string | { title?: string }): void;
	line(data: unknown, options?: ChartOptions): void;
	bar(data: unknown, options?: ChartOptions): void;
}

/**
 * Collects one run's items, up to the limit; past it, one "truncated" note and silence, so a
 * print in an endless loop cannot flood the page.
 */
export class OutputSink {
	private count = 0;
	constructor(private readonly emit: (item: OutputItem) => void) {}

	push(item: OutputItem): void {
		this.count++;
		if (this.count <= OUTPUT_LIMITS.items) this.emit(item);
		else if (this.count === OUTPUT_LIMITS.items + 1) this.emit({ kind: 'note', note: 'truncated' });
	}
}

export function createShow(sink: OutputSink): Show {
	return Object.freeze({
		text: (...values: unknown[]) =>
			sink.push({ kind: 'text', text: inspectAll(values), stream: 'out' }),
		table: (data: unknown, columns?: string[]) => {
			const rows = isTensorLike(data) ? grid(data, 'show.table') : plain(data);
			sink.push(tableItem(rows, columns));
		},
		image: (data: unknown, title?: string | { title?: string }) =>
			sink.push(imageItem(grid(data, 'show.image'), titleOf(title))),
		heatmap: (data: unknown, title?: string | { title?: string }) =>
			sink.push(heatmapItem(grid(data, 'show.heatmap'), titleOf(title))),
		line: (data: unknown, options?: ChartOptions) => sink.push(lineItem(plain(data), options)),
		bar: (data: unknown, options?: ChartOptions) => sink.push(barItem(plain(data), options))
	});
}

/** console.log and friends print into the running cell; between runs, to `fallback`. */
export function createConsole(
	current: () => OutputSink | null,
	fallback: Pick<Console, ConsoleMethod>
): Pick<Console, ConsoleMethod> {
	const print = (method: ConsoleMethod, stream: 'out' | 'warn' | 'error') => {
		const original = fallback[method].bind(fallback);
		return (...values: unknown[]) => {
			const sink = current();
			if (sink) sink.push({ kind: 'text', text: inspectAll(values), stream });
			else original(...values);
		};
	};
	return {
		log: print('log', 'out'),
		info: print('info', 'out'),
		debug: print('debug', 'out'),
		warn: print('warn', 'warn'),
		error: print('error', 'error')
	};
}

type ConsoleMethod = 'log' | 'info' | 'debug' | 'warn' | 'error';
