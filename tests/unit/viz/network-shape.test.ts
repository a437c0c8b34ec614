import { describe, expect, it } from 'vitest';
import { mobilenetV1, mobilenetV2, mobilenetV3Large } from '$lib/architecture';
import {
	detectionSources,
	estimateWidth,
	networkShape,
	runLabels,
	shapeLayout,
	type ShapeLayoutOptions
} from '$lib/viz/network-shape';

const options: ShapeLayoutOptions = {
	width: 640,
	fontPx: 13,
	head: 'none',
	metric: 'none',
	band: 150,
	tickLabelWidth: 40,
	channelTexts: (c) => [String(c)],
	sideTexts: (s) => [`${s} × ${s}`, String(s)]
};

describe('networkShape', () => {
	it('reads V1 as the input, the stem and its 13 blocks, funnelling to 7 × 7 × 1024', () => {
		const spec = mobilenetV1();
		const shape = networkShape('v1');
		const pw13 = spec.layers.find((l) => l.name === 'conv_pw_13');
		expect(shape.columns.map((c) => c.role)).toEqual([
			'input',
			'stem',
			...Array.from({ length: 13 }, () => 'block')
		]);
		expect([shape.columns[0]?.side, shape.columns[0]?.channels]).toEqual([224, 3]);
		expect([shape.columns.at(-1)?.side, shape.columns.at(-1)?.channels]).toEqual([
			pw13?.output[0],
			pw13?.output[2]
		]);
		// Every block is a depthwise then a pointwise layer, each with the engine's output.
		const block2 = shape.columns.find((c) => c.id === 'block 2');
		expect(block2?.layers.map((l) => [l.name, l.kind, l.side, l.channels])).toEqual([
			['conv_dw_2', 'depthwise', 56, 64],
			['conv_pw_2', 'pointwise', 56, 128]
		]);
		expect(block2?.stride).toBe(2);
	});

	it('marks stride 2 where the engine halves the map, and nowhere else', () => {
		const shape = networkShape('v1');
		const halving = shape.columns.filter(
			(c, i) => i > 0 && c.side < (shape.columns[i - 1]?.side ?? 0)
		);
		expect(shape.columns.filter((c) => c.stride === 2).map((c) => c.id)).toEqual(
			halving.map((c) => c.id)
		);
		// The stem and blocks 2, 4, 6 and 12 (block 13's printed s2 is an erratum).
		expect(halving.map((c) => c.id)).toEqual(['stem', 'block 2', 'block 4', 'block 6', 'block 12']);
	});

	it("sums each block's mult-adds and counts V1's 28 layers with weights with its classifier", () => {
		const spec = mobilenetV1();
		const shape = networkShape('v1', 224, 'classifier');
		const body = shape.columns.reduce((sum, c) => sum + c.macs, 0);
		const fc = spec.layers.find((l) => l.kind === 'fc');
		expect(body + (fc?.macs ?? 0)).toBe(spec.totals.macs);
		expect(shape.counts).toEqual({ conv: 1, depthwise: 13, pointwise: 13, fc: 1 });
		expect([shape.pooled, shape.classes]).toEqual([1024, 1000]);
		expect(networkShape('v1').counts.fc).toBeUndefined();
	});

	it("gives V2 its shortcuts where the engine adds, and Conv_1's 1280-wide map as the last column", () => {
		const spec = mobilenetV2();
		const shape = networkShape('v2');
		const adds = spec.layers.filter((l) => l.kind === 'add').map((l) => l.block);
		expect(shape.columns.filter((c) => c.shortcut).map((c) => c.id)).toEqual(adds);
		expect(adds).toHaveLength(10);
		for (const c of shape.columns.filter((c) => c.shortcut)) {
			const before = shape.columns[shape.columns.indexOf(c) - 1];
			expect([c.stride, c.channels]).toEqual([1, before?.channels]);
		}
		expect(shape.columns.at(-1)).toMatchObject({
			id: 'Conv_1',
			role: 'last',
			side: 7,
			channels: 1280
		});
		expect(shape.markRows).toEqual([]);
	});

	it("marks V3-Large's squeeze-and-excite, h-swish and 5 × 5 blocks as the engine builds them", () => {
		const spec = mobilenetV3Large();
		const shape = networkShape('v3-large');
		expect(shape.markRows).toEqual(['se', 'hswish', 'kernel']);
		expect(shape.largestKernel).toBe(5);
		const seBlocks = [...new Set(spec.layers.filter((l) => l.kind === 'se').map((l) => l.block))];
		expect(shape.columns.filter((c) => c.se).map((c) => c.id)).toEqual(seBlocks);
		expect(seBlocks).toHaveLength(8);
		const five = [
			...new Set(
				spec.layers.filter((l) => l.kind === 'depthwise' && l.kernel === 5).map((l) => l.block)
			)
		];
		expect(shape.columns.filter((c) => c.kernel === 5).map((c) => c.id)).toEqual(five);
		expect(shape.columns.find((c) => c.id === 'block 6')?.hswish).toBe(true);
		expect(shape.columns.find((c) => c.id === 'block 5')?.hswish).toBe(false);
	});

	it('follows the input resolution', () => {
		const spec = mobilenetV1(1, 160);
		const outputs = spec.layers
			.filter((l) => l.kind === 'conv' || l.name.startsWith('conv_pw_'))
			.map((l) => l.output[0]);
		expect(networkShape('v1', 160).columns.map((c) => c.side)).toEqual([160, ...outputs]);
		expect(outputs.at(-1)).toBe(5);
	});
});

describe('detectionSources', () => {
	it('reads the last maps at 1/16 and 1/32 of the input', () => {
		const shape = networkShape('v1');
		const [a, b] = detectionSources(shape).map((i) => shape.columns[i]);
		expect([a?.id, a?.side, b?.id, b?.side]).toEqual(['block 11', 14, 'block 13', 7]);
		const v2 = networkShape('v2');
		expect(detectionSources(v2).map((i) => v2.columns[i]?.id)).toEqual(['block 12', 'Conv_1']);
	});
});

describe('runLabels', () => {
	it('labels each run of equal values once, at its centre, with the longest text that fits', () => {
		const labels = runLabels(
			[112, 112, 56, 56, 56],
			(i) => i * 50 + 25,
			50,
			(s) => [`${s} × ${s}`, String(s)],
			13
		);
		expect(labels.map((l) => [l.from, l.to, l.text, l.x])).toEqual([
			[0, 1, '112 × 112', 50],
			[2, 4, '56 × 56', 175]
		]);
	});

	it('drops a label that would overlap the one before it, but never the last', () => {
		const labels = runLabels(
			[16, 24, 32, 64],
			(i) => i * 12,
			12,
			(c) => [String(c)],
			13
		);
		expect(labels.map((l) => l.value)).toEqual([16, 64]);
		expect(labels.at(-1)?.value).toBe(64);
	});

	it('keeps labels whole inside the bounds', () => {
		const [first, last] = runLabels(
			[224, 7],
			(i) => i * 100 + 5,
			100,
			(v) => [String(v)],
			10,
			[0, 200]
		);
		expect(first?.x).toBeCloseTo(estimateWidth('224', 10) / 2);
		expect(last?.x).toBeCloseTo(105);
		const [end] = runLabels(
			[1280],
			() => 198,
			20,
			(v) => [String(v)],
			10,
			[0, 200]
		);
		expect(end?.x).toBeCloseTo(200 - estimateWidth('1280', 10) / 2);
	});

	it('estimates CJK text wider than Latin text', () => {
		expect(estimateWidth('通道数', 10)).toBe(30);
		expect(estimateWidth('abc', 10)).toBeCloseTo(18);
	});
});

describe('shapeLayout', () => {
	it('draws slab heights to scale of the side, centred on one line', () => {
		const shape = networkShape('v1');
		const layout = shapeLayout(shape, options);
		const [input, stem] = layout.columns;
		expect(input?.height).toBeCloseTo(150);
		expect(stem?.height).toBeCloseTo(75);
		expect(layout.columns.at(-1)?.height).toBeCloseTo((150 * 7) / 224);
		for (const c of layout.columns) expect(c.y + c.height / 2).toBeCloseTo(layout.mid);
	});

	it('keeps every column, label and the head inside the width', () => {
		for (const head of ['none', 'detection', 'segmentation'] as const) {
			const layout = shapeLayout(networkShape('v2'), { ...options, width: 350, head });
			const lastColumn = layout.columns.at(-1);
			expect((lastColumn?.x ?? 0) + (lastColumn?.width ?? 0)).toBeLessThanOrEqual(layout.right);
			expect(layout.headRight).toBeLessThanOrEqual(350);
			if (head === 'none') expect(layout.right).toBeCloseTo(348);
			else expect(layout.headLeft).toBeGreaterThan(layout.right);
		}
	});

	it("draws the metric from zero: V1's channel bars end at the engine's counts", () => {
		const shape = networkShape('v1');
		const layout = shapeLayout(shape, { ...options, metric: 'channels' });
		const [, stem, block1] = layout.columns;
		expect(layout.ticks[0]?.value).toBe(0);
		expect(layout.ticks[0]?.y).toBeCloseTo(layout.chartBottom);
		expect((block1?.barHeight ?? 0) / (stem?.barHeight ?? 1)).toBeCloseTo(64 / 32);
		expect(layout.columns[0]?.barHeight).toBe(0);
		expect(layout.height).toBeCloseTo(layout.chartBottom + 2);
	});

	it('arches each shortcut from the block before over the block with it', () => {
		const shape = networkShape('v2');
		const layout = shapeLayout(shape, options);
		expect(layout.arcs).toHaveLength(10);
		for (const arc of layout.arcs) expect(arc.to - arc.from).toBeCloseTo(layout.step);
	});

	it('puts channel labels above and side labels below the slabs they name', () => {
		const layout = shapeLayout(networkShape('v1'), options);
		for (const l of layout.channelLabels)
			for (const c of layout.columns.slice(l.from, l.to + 1)) expect(l.y).toBeLessThan(c.y);
		for (const l of layout.sideLabels)
			for (const c of layout.columns.slice(l.from, l.to + 1))
				expect(l.y).toBeGreaterThan(c.y + c.height);
		expect(layout.channelLabels.map((l) => l.value)).toEqual([3, 32, 64, 128, 256, 512, 1024]);
	});
});
