import { describe, expect, it } from 'vitest';
import {
	TFLITE_HOSTED_MODELS,
	TFLITE_QUANT_CHECKPOINTS,
	TF_SLIM_V1,
	V1_PAPER,
	V2_PAPER
} from '$lib/architecture';
import { quote, quoteKeys, shortCitation } from '$lib/lessons/quotes';
import { comparisonRows, sortRows } from '$lib/lessons/comparison';

describe('quoted figures', () => {
	it('finds printed figures with their source and precision', () => {
		expect(quote('comparison', 'VGG 16', 'top1')).toMatchObject({
			value: 71.5,
			unit: 'percent',
			digits: 1,
			source: V1_PAPER,
			table: 8
		});
		expect(quote('comparison', 'VGG 16', 'params')).toMatchObject({
			value: 138,
			unit: 'millions',
			digits: 0
		});
		expect(quote('v1-table4', 'Conv MobileNet', 'top1').value).toBe(71.7);
		expect(quote('v1-table4', 'MobileNet', 'top1').value).toBe(70.6);
		expect(quote('v1-checkpoints', '1.0-224', 'top1')).toMatchObject({
			value: 70.9,
			source: TF_SLIM_V1,
			table: null
		});
		expect(quote('v1-checkpoints', '0.5-160', 'top5').value).toBe(81.9);
		expect(quote('v2-checkpoints', '1.0-224', 'params')).toMatchObject({ value: 3.47, digits: 2 });
		expect(quote('v1-table6', '0.75', 'top1').value).toBe(68.4);
		expect(quote('v1-table7', '160', 'multAdds').value).toBe(290);
		expect(quote('v1-table3', 'Convolution', 'multAdds').value).toBe(462);
		expect(quote('v3-checkpoints', 'large-1.0', 'top1').value).toBe(75.2);
		expect(quote('comparison', 'MobileNetV2', 'top1').source).toBe(V2_PAPER);
	});

	it("quotes Google's 8-bit checkpoints from TFLite's hosted-models page", () => {
		expect(quoteKeys('tflite-quant')).toEqual(['v1-1.0-224', 'v1-0.5-160', 'v2-1.0-224']);
		for (const r of TFLITE_QUANT_CHECKPOINTS) {
			const row = `${r.version}-${r.alpha.toFixed(1)}-${r.resolution}`;
			expect(quote('tflite-quant', row, 'top1')).toEqual({
				value: r.top1,
				unit: 'percent',
				digits: 1,
				source: TFLITE_HOSTED_MODELS,
				table: null
			});
			expect(quote('tflite-quant', row, 'top5')).toMatchObject({ value: r.top5, digits: 1 });
		}
		// 70.0 keeps its printed decimal.
		expect(quote('tflite-quant', 'v1-1.0-224', 'top1')).toMatchObject({ value: 70, digits: 1 });
		expect(shortCitation(TFLITE_HOSTED_MODELS)).toBe('TensorFlow 2020');
		expect(() => quote('tflite-quant', 'v1-1.0-224', 'latency')).toThrow('prints no latency');
		expect(() => quote('tflite-quant', '1.0-224', 'top1')).toThrow('v1-1.0-224');
	});

	it('quotes the application, latency and FLOP tables with their units', () => {
		expect(quote('v1-table5', 'Shallow MobileNet', 'top1')).toMatchObject({
			value: 65.3,
			unit: 'percent',
			source: V1_PAPER,
			table: 5
		});
		expect(quote('v1-table13', 'SSD 300/MobileNet', 'multAddsB')).toMatchObject({
			value: 1.2,
			unit: 'billions',
			digits: 1,
			table: 13
		});
		expect(quote('v1-table11', 'street/PlaNet MobileNet', 'accuracy').value).toBe(11.4);
		// Printed as 22.0%: the column's decimals survive the literal 22.0.
		expect(quote('v1-table13', 'SSD 300/Inception V2', 'map')).toMatchObject({
			value: 22,
			digits: 1
		});
		expect(quote('comparison', 'MobileNetV1', 'latency')).toMatchObject({
			value: 113,
			unit: 'ms',
			source: V2_PAPER,
			table: 4
		});
		expect(quote('v3-table3', 'V3-Small 1.0', 'top1')).toMatchObject({ value: 67.4, table: 3 });
		expect(quote('v3-redesign', 'last stage', 'share')).toMatchObject({
			value: 11,
			table: null
		});
		expect(quote('torchvision-flops', 'mobilenet_v2', 'gflops').unit).toBe('billions');
		expect(() => quote('comparison', 'VGG 16', 'latency')).toThrow(/no latency/);
	});

	it('fails loudly on a typo', () => {
		expect(() => quote('comparison', 'VGG16', 'top1')).toThrow(/VGG 16/);
		expect(() => quote('comparison', 'VGG 16', 'top5')).toThrow(/no top5/);
		expect(() => quote('v1-table3', 'Convolution', 'top1')).toThrow(/no top1/);
		expect(quoteKeys('v1-table6')).toEqual(['1.0', '0.75', '0.5', '0.25']);
	});

	it('cites papers by first author and year, pages by publisher', () => {
		expect(shortCitation(V1_PAPER)).toBe('Howard et al. 2017');
		expect(shortCitation(V2_PAPER)).toBe('Sandler et al. 2018');
		expect(shortCitation(TF_SLIM_V1)).toBe('TensorFlow Models 2018');
	});
});

describe('comparison table', () => {
	it('puts counted figures beside printed ones for MobileNets only', () => {
		const rows = comparisonRows();
		const vgg = rows.find((r) => r.model === 'VGG 16');
		expect(vgg).toMatchObject({ mobile: false, computed: null, top5: null });
		const v1 = rows.find((r) => r.model === 'MobileNetV1 1.0-224');
		expect(v1?.computed).toEqual({ macs: 568740352, params: 4209088 });
		expect(v1?.top5?.value).toBe(89.9);
		expect(rows.filter((r) => r.mobile)).toHaveLength(6);
	});

	it('sorts by any column in both directions', () => {
		const rows = comparisonRows();
		const byParams = sortRows(rows, 'params', 'descending');
		expect(byParams[0]?.model).toBe('VGG 16');
		const byTop1 = sortRows(rows, 'top1', 'ascending').map((r) => r.top1.value);
		expect(byTop1).toEqual([...byTop1].sort((a, b) => a - b));
		expect(sortRows(rows, 'model', 'ascending')[0]?.model).toBe('AlexNet');
	});
});
