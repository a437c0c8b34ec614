import { describe, expect, it } from 'vitest';
import {
	depthwiseConvCost,
	makeDivisible,
	mobilenetV2,
	pointwiseConvCost,
	standardConvCost
} from '$lib/architecture';
import { hsigmoid, hswish, relu, relu6, sample, swish } from '$lib/viz/activations';
import {
	blockBoxes,
	blockDrawingFit,
	classicBottleneck,
	heatPaths,
	seExample,
	v2Blocks,
	v3SeBlocks
} from '$lib/viz/block-layout';

describe('activations', () => {
	it('match their definitions at the breakpoints', () => {
		expect([relu(-2), relu(3)]).toEqual([0, 3]);
		expect([relu6(-1), relu6(4), relu6(9)]).toEqual([0, 4, 6]);
		expect([hsigmoid(-3), hsigmoid(0), hsigmoid(3)]).toEqual([0, 0.5, 1]);
		expect([hswish(-4) + 0, hswish(3), hswish(1)]).toEqual([0, 3, 4 / 6]);
		expect(swish(0)).toBe(0);
		expect(swish(10)).toBeCloseTo(10, 3);
	});

	it('h-swish stays within 0.15 of swish everywhere', () => {
		for (const [x, y] of sample(hswish, -8, 8, 400))
			expect(Math.abs(y - swish(x))).toBeLessThan(0.15);
	});

	it('samples include the kinks exactly', () => {
		const xs = sample(relu6, -6, 8, 7).map(([x]) => x);
		for (const kink of [-3, 0, 3, 6]) expect(xs).toContain(kink);
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
	});
});

describe('V2 blocks from the engine', () => {
	const blocks = v2Blocks();

	it('lists all 17 bottlenecks with their shortcuts where shapes match', () => {
		expect(blocks).toHaveLength(17);
		for (const b of blocks) {
			const input = b.stages[0]!;
			const project = b.stages.find((s) => s.kind === 'project')!;
			expect(b.shortcut).toBe(b.stride === 1 && input.channels === project.channels);
			expect(b.stages.some((s) => s.kind === 'add')).toBe(b.shortcut);
		}
		// Block 0 has no expansion layer (t = 1).
		expect(blocks[0]!.stages.some((s) => s.kind === 'expand')).toBe(false);
	});

	it('block 2: 24 → ×6 → 3×3 depthwise → 24 at 56×56, costs as the formulas', () => {
		const b = blocks.find((x) => x.id === 2)!;
		expect(b.stages.map((s) => [s.kind, s.channels, s.size])).toEqual([
			['input', 24, 56],
			['expand', 144, 56],
			['depthwise', 144, 56],
			['project', 24, 56],
			['add', 24, 56]
		]);
		expect(b.stages.map((s) => s.activation)).toEqual([
			'none',
			'relu6',
			'relu6',
			'linear',
			'linear'
		]);
		expect(b.macs).toBe(
			pointwiseConvCost(24, 144, 56) +
				depthwiseConvCost(3, 144, 56) +
				pointwiseConvCost(144, 24, 56)
		);
		const fromSpec = mobilenetV2()
			.layers.filter((l) => l.block === 'block 2')
			.reduce((s, l) => s + l.macs, 0);
		expect(b.macs).toBe(fromSpec);
	});

	it('the classic bottleneck with the same widths costs the formulas and more', () => {
		const c = classicBottleneck(144, 24, 56);
		expect(c.macs).toBe(
			pointwiseConvCost(144, 24, 56) +
				standardConvCost(3, 24, 24, 56) +
				pointwiseConvCost(24, 144, 56)
		);
		expect(c.macs).toBeGreaterThan(blocks.find((x) => x.id === 2)!.macs);
	});

	it('draws heights to scale of the channels', () => {
		const b = blocks.find((x) => x.id === 2)!;
		const boxes = blockBoxes(b, { maxChannels: 144, height: 60, width: 12, spacing: 30 });
		expect(boxes[1]!.height).toBe(60);
		expect(boxes[0]!.height).toBeCloseTo((60 * 24) / 144);
		expect(boxes.map((x) => x.x + x.width / 2)).toEqual([6, 36, 66, 96, 126]);
		// Stride 2 narrows the box with the spatial side.
		const strided = blocks.find((x) => x.stride === 2 && x.id > 0)!;
		const sb = blockBoxes(strided, { maxChannels: 1000, height: 60, width: 12, spacing: 30 });
		expect(sb.at(-1)!.width).toBeLessThan(sb[0]!.width);
	});
});

describe('squeeze-and-excite', () => {
	it('reads the V3-Large SE widths from the engine', () => {
		const se = v3SeBlocks();
		expect(se.length).toBeGreaterThan(0);
		for (const b of se) expect(b.squeezed).toBe(makeDivisible(b.channels / 4));
		expect(se[0]!.macs).toBe(2 * se[0]!.channels * se[0]!.squeezed);
	});

	it('computes every stage from the last', () => {
		const ex = seExample(16, 4, 3);
		expect(ex.map).toHaveLength(16);
		ex.pooled.forEach((p, c) => expect(p).toBeCloseTo(ex.map[c]!.reduce((a, b) => a + b, 0) / 16));
		expect(ex.squeezed).toHaveLength(4);
		expect(ex.squeezed.every((v) => v >= 0)).toBe(true);
		ex.gates.forEach((g, c) => {
			expect(g).toBe(hsigmoid(ex.excited[c]!));
			ex.scaled[c]!.forEach((v, j) => expect(v).toBeCloseTo(ex.map[c]![j]! * g));
		});
		// The gates spread out rather than all saturating.
		expect(new Set(ex.gates.map((g) => Math.round(g * 10))).size).toBeGreaterThan(3);
	});

	it('draws a heat map with one path per shade', () => {
		const paths = heatPaths(
			[
				[0, 3],
				[6, 6]
			],
			6,
			2
		);
		expect(paths).toEqual([
			{ level: 1, d: 'M0,1h1v1h-1z' },
			{ level: 2, d: 'M1,0h1v1h-1zM1,1h1v1h-1z' }
		]);
	});
});

describe('block drawing fit', () => {
	const base = {
		count: 5,
		box: 12,
		minGap: 18,
		height: 76,
		labelPx: 13,
		widestLabelPx: 48,
		maxWidthPx: 2000,
		maxHeightPx: 160
	};

	it('fills the height when the width allows, labels at their true size', () => {
		const { scale, spacing } = blockDrawingFit(base);
		expect(scale * 76 + 2 * 13).toBeCloseTo(160, 6);
		// The gap holds the widest label between boxes.
		expect((spacing - 12) * scale).toBeGreaterThanOrEqual(48);
	});

	it('shrinks to the width, still with room for the labels', () => {
		const { scale, spacing } = blockDrawingFit({ ...base, maxWidthPx: 280 });
		const width = scale * (4 * spacing + 12 + 4);
		expect(width).toBeLessThanOrEqual(280 + 1e-6);
		expect(width).toBeGreaterThan(279);
		expect((spacing - 12) * scale).toBeGreaterThanOrEqual(48);
		expect(scale * 76 + 2 * 13).toBeLessThan(160);
	});

	it('keeps a finite layout when the width cannot hold the labels (a container mid-layout)', () => {
		// Four gaps of 48 px labels need 192 px whatever the scale.
		for (const maxWidthPx of [191, 100, 2, 0, -10]) {
			const { scale, spacing } = blockDrawingFit({ ...base, maxWidthPx });
			expect(scale).toBeGreaterThan(0);
			expect(Number.isFinite(spacing)).toBe(true);
			// The widest label still fills its gap: the page shrinks the drawing to the width.
			expect((spacing - 12) * scale).toBeGreaterThanOrEqual(48);
		}
		const flat = blockDrawingFit({ ...base, maxHeightPx: 10 });
		expect(flat.scale).toBeGreaterThan(0);
		expect(Number.isFinite(flat.spacing)).toBe(true);
	});
});
