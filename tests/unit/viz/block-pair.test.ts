import { describe, expect, it } from 'vitest';
import {
	mobilenetV1,
	mobilenetV1FullConv,
	mobilenetV2,
	mobilenetV3Large,
	pointwiseConvCost,
	standardConvCost
} from '$lib/architecture';
import {
	blockPair,
	channelBar,
	columnLayout,
	costBar,
	pairBlocks,
	pairScales,
	type Column,
	type OpRow,
	type TensorRow
} from '$lib/viz/block-pair';

const ops = (c: Column) => c.rows.filter((r): r is OpRow => r.type === 'op');
const tensors = (c: Column) => c.rows.filter((r): r is TensorRow => r.type === 'tensor');
const layer = (layers: { name: string }[], name: string) => {
	const found = layers.find((l) => l.name === name);
	if (!found) throw new Error(name);
	return found as ReturnType<typeof mobilenetV1>['layers'][number];
};

describe('blockPair("separable")', () => {
	it('sets the standard 3×3 layer of Conv MobileNet against V1 block 7, the 14×14×512 layer', () => {
		const [standard, separable] = blockPair('separable', 7);
		expect(tensors(standard).map((t) => t.shape)).toEqual([
			[14, 14, 512],
			[14, 14, 512]
		]);
		expect(ops(standard).map((o) => [o.role, o.kernel, o.macs])).toEqual([
			['conv', 3, standardConvCost(3, 512, 512, 14)]
		]);
		expect(standard.macs).toBe(layer(mobilenetV1FullConv().layers, 'conv_full_7').macs);
		expect(ops(separable).map((o) => [o.role, o.kernel, o.activation, o.batchNorm])).toEqual([
			['depthwise', 3, 'relu6', true],
			['pointwise', 1, 'relu6', true]
		]);
		const v1 = mobilenetV1().layers;
		expect(separable.macs).toBe(layer(v1, 'conv_dw_7').macs + layer(v1, 'conv_pw_7').macs);
		expect(separable.macs).toBe(52_283_392);
		expect(standard.shortcut || separable.shortcut).toBe(false);
	});

	it('keeps the stride of a downsampling block on its depthwise layer', () => {
		const [standard, separable] = blockPair('separable', 2);
		expect(tensors(separable).map((t) => t.shape)).toEqual([
			[112, 112, 64],
			[56, 56, 64],
			[56, 56, 128]
		]);
		expect(ops(separable).map((o) => o.stride)).toEqual([2, 1]);
		expect(ops(standard)[0]?.stride).toBe(2);
		expect(tensors(standard).at(-1)?.shape).toEqual([56, 56, 128]);
	});

	it('offers every V1 block', () => {
		expect(pairBlocks('separable')).toEqual(Array.from({ length: 13 }, (_, k) => k + 1));
	});
});

describe('blockPair("bottleneck")', () => {
	it('draws V2 block 2 and the classic block with its widths reversed', () => {
		const [classic, inverted] = blockPair('bottleneck', 2);
		expect(tensors(inverted).map((t) => t.shape[2])).toEqual([24, 144, 144, 24, 24]);
		expect(tensors(classic).map((t) => t.shape[2])).toEqual([144, 24, 24, 144, 144]);
		expect(ops(inverted).map((o) => [o.role, o.activation])).toEqual([
			['expand', 'relu6'],
			['depthwise', 'relu6'],
			['project', 'linear'],
			['add', 'linear']
		]);
		const v2 = mobilenetV2().layers.filter((l) => l.block === 'block 2');
		expect(inverted.macs).toBe(v2.reduce((s, l) => s + l.macs, 0));
		expect(ops(classic).map((o) => o.macs)).toEqual([
			pointwiseConvCost(144, 24, 56),
			standardConvCost(3, 24, 24, 56),
			pointwiseConvCost(24, 144, 56),
			0
		]);
		expect(classic.shortcut && inverted.shortcut).toBe(true);
	});

	it('has no shortcut where V2 has none (block 1 strides)', () => {
		const [, inverted] = blockPair('bottleneck', 1);
		expect(inverted.shortcut).toBe(false);
		expect(ops(inverted).some((o) => o.role === 'add')).toBe(false);
		expect(pairBlocks('bottleneck')).toEqual(Array.from({ length: 17 }, (_, k) => k));
	});

	it('rejects a block V2 does not have', () => {
		expect(() => blockPair('bottleneck', 17)).toThrow(RangeError);
	});
});

describe('blockPair("head")', () => {
	it("sets V2's last stage against V3-Large's, as the engine builds them", () => {
		const [v2, v3] = blockPair('head', 0);
		expect(ops(v2).map((o) => o.role)).toEqual(['pointwise', 'pool', 'fc']);
		expect(ops(v3).map((o) => o.role)).toEqual(['pointwise', 'pool', 'pointwise', 'fc']);
		expect(tensors(v2)[0]?.shape).toEqual([7, 7, 320]);
		expect(tensors(v3)[0]?.shape).toEqual([7, 7, 160]);
		expect(ops(v2)[0]?.macs).toBe(layer(mobilenetV2().layers, 'Conv_1').macs);
		expect(ops(v3)[2]?.macs).toBe(layer(mobilenetV3Large().layers, 'Conv_2').macs);
		expect(v2.macs).toBeGreaterThan(2 * v3.macs);
	});
});

describe('columnLayout', () => {
	const opText = (c: Column, name: number) => ops(c).map(() => ({ name, activation: 40 }));

	it('stacks rows without overlap and lines up a shorter column with a taller one', () => {
		const [standard, separable] = blockPair('separable', 7);
		const options = { width: 300, line: 18, gap: 4 };
		const tall = columnLayout(separable, { ...options, opText: opText(separable, 80) });
		const short = columnLayout(standard, {
			...options,
			opText: opText(standard, 80),
			minHeight: tall.height
		});
		expect(short.height).toBe(tall.height);
		for (const laid of [tall, short]) {
			laid.rows.forEach((row, k) => {
				const next = laid.rows[k + 1];
				if (next) expect(next.y).toBeGreaterThanOrEqual(row.y + row.height);
			});
			const last = laid.rows.at(-1);
			expect((last?.y ?? 0) + (last?.height ?? 0)).toBeCloseTo(laid.height);
		}
	});

	it('gives an op a third line when its name and activation do not fit beside the drawing', () => {
		const [, separable] = blockPair('separable', 7);
		const narrow = columnLayout(separable, {
			width: 200,
			line: 18,
			gap: 4,
			opText: opText(separable, 200)
		});
		expect(narrow.rows.filter((r) => r.row.type === 'op').map((r) => r.lines)).toEqual([3, 3]);
		expect(narrow.textX + 0).toBeLessThan(200);
	});

	it('draws channels and cost on scales both columns share', () => {
		const columns = blockPair('bottleneck', 2);
		const scales = pairScales(columns);
		expect(scales).toEqual({ channels: 144, macs: standardConvCost(3, 24, 24, 56) });
		expect(channelBar(144, scales, 120)).toBe(120);
		expect(channelBar(24, scales, 120)).toBe(20);
		expect(costBar(0, scales, 100)).toBe(0);
		expect(costBar(scales.macs / 2, scales, 100)).toBe(50);
	});
});
