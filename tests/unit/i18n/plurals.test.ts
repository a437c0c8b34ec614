/**
 * Nouns after numbers in the UI take the form the number asks for: the compiled Paraglide
 * messages select it with their plural variants (messages/<lang>.json).
 */
import { describe, expect, it } from 'vitest';
import { formatInteger } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';

const ru = { locale: 'ru' } as const;
const NBSP = '\u00a0';

/** Russian: 1, 21, 101 take the singular; 2–4, 22–24 the genitive singular; 5–20, 11–14, 25 the genitive plural. */
const FORMS: Array<[number, 'one' | 'few' | 'many']> = [
	[1, 'one'],
	[2, 'few'],
	[4, 'few'],
	[5, 'many'],
	[11, 'many'],
	[12, 'many'],
	[14, 'many'],
	[21, 'one'],
	[22, 'few'],
	[25, 'many'],
	[72, 'few'],
	[101, 'one'],
	[111, 'many'],
	[112, 'many'],
	[672, 'few'],
	[1000, 'many'],
	[568740352, 'few']
];

describe('Russian counts', () => {
	const channels = { one: 'канал', few: 'канала', many: 'каналов' };
	const params = { one: 'параметр', few: 'параметра', many: 'параметров' };
	const macs = { one: 'умножение-сложение', few: 'умножения-сложения', many: 'умножений-сложений' };

	for (const [n, form] of FORMS) {
		it(`${n} → ${channels[form]}, ${params[form]}, ${macs[form]}`, () => {
			const shown = formatInteger(n, 'ru');
			expect(m.count_channels({ count: n, shown }, ru)).toBe(`${shown} ${channels[form]}`);
			expect(m.count_params({ count: n, shown }, ru)).toBe(`${shown} ${params[form]}`);
			expect(m.count_macs({ count: n, shown }, ru)).toBe(`${shown} ${macs[form]}`);
		});
	}

	it('shows the formatted number and selects the form by the value', () => {
		// 568 740 352 with no-break spaces: the form follows the value, not the text.
		expect(m.count_macs({ count: 568740352, shown: formatInteger(568740352, 'ru') }, ru)).toBe(
			`568${NBSP}740${NBSP}352 умножения-сложения`
		);
	});

	it('agrees the channel count of a block with its output width (16 → 24 канала)', () => {
		const block = (cin: number, cout: number) =>
			m.anim_block_option({ id: '1', cin, cout, stride: '1' }, ru);
		expect(block(16, 24)).toBe('Блок 1: 16 → 24 канала, шаг 1');
		expect(block(24, 32)).toBe('Блок 1: 24 → 32 канала, шаг 1');
		expect(block(32, 64)).toBe('Блок 1: 32 → 64 канала, шаг 1');
		expect(block(64, 96)).toBe('Блок 1: 64 → 96 каналов, шаг 1');
		expect(block(160, 320)).toBe('Блок 1: 160 → 320 каналов, шаг 1');
		expect(block(16, 21)).toBe('Блок 1: 16 → 21 канал, шаг 1');
	});

	it('puts the genitive after «из»: 21 умножения-сложения, 22 умножений-сложений', () => {
		const position = (total: number) =>
			m.anim_position({ done: '3', total: String(total), count: total }, ru);
		expect(position(21)).toBe('3 из 21 умножения-сложения');
		expect(position(22)).toBe('3 из 22 умножений-сложений');
		expect(position(4608)).toBe('3 из 4608 умножений-сложений');
		expect(position(111)).toBe('3 из 111 умножений-сложений');
	});

	it('counts layers, numbers, pixels and rows the same way', () => {
		const caption = (count: number) =>
			m.lab_table_caption({ network: 'V1', alpha: '1', size: 224, count }, ru);
		expect(caption(28)).toBe('V1 при α = 1, 224 × 224 пикс.: 28 слоёв');
		expect(caption(22)).toBe('V1 при α = 1, 224 × 224 пикс.: 22 слоя');
		expect(caption(31)).toBe('V1 при α = 1, 224 × 224 пикс.: 31 слой');
		expect(m.anim_se_stage_pool({ c: 72 }, ru)).toBe('Глобальное усреднение → 72 числа');
		expect(m.anim_se_stage_pool({ c: 960 }, ru)).toBe('Глобальное усреднение → 960 чисел');
		expect(m.cell_image_label({ width: 224, height: 224 }, ru)).toBe(
			'Изображение, 224 × 224 пикселя'
		);
		expect(m.cell_image_label({ width: 28, height: 28 }, ru)).toBe('Изображение, 28 × 28 пикселей');
		expect(
			m.live_error_pixels(
				{ name: 'a.png', width: '9000', height: `10${NBSP}001`, count: 10001, limit: '50' },
				ru
			)
		).toBe(
			`«a.png» имеет размер 9000 × 10${NBSP}001 пиксель — больше допустимых 50${NBSP}Мп. Сначала уменьшите его.`
		);
	});

	it('composes sentences from counted phrases', () => {
		const c = m.count_channels({ count: 72, shown: '72' }, ru);
		const macs = m.count_macs({ count: 1752, shown: '1752' }, ru);
		expect(m.anim_se_cost({ c, r: '24', macs }, ru)).toBe(
			'В сети этот блок сжимает 72 канала до 24: 1752 умножения-сложения — мелочь по сравнению с окружающими свёртками.'
		);
		expect(m.anim_se_stage_map({ c, side: '6' }, ru)).toBe(
			'Карта признаков: 72 канала (пример 6×6 для каждого)'
		);
	});
});

describe('English counts', () => {
	it('uses the singular for one', () => {
		const en = { locale: 'en' } as const;
		expect(m.count_channels({ count: 1, shown: '1' }, en)).toBe('1 channel');
		expect(m.count_channels({ count: 21, shown: '21' }, en)).toBe('21 channels');
		expect(m.count_params({ count: 1, shown: '1' }, en)).toBe('1 parameter');
		expect(m.count_macs({ count: 1, shown: '1' }, en)).toBe('1 mult-add');
		expect(m.count_macs({ count: 4608, shown: '4,608' }, en)).toBe('4,608 mult-adds');
		expect(m.cell_table_hidden_rows({ count: 1 }, en)).toBe('1 more row not shown');
		expect(m.cell_table_hidden_rows({ count: 7 }, en)).toBe('7 more rows not shown');
		expect(m.anim_caption_dw_filters({ count: 1 }, en)).toBe('1 filter, one per channel');
	});
});

describe('Chinese and Korean counters', () => {
	it('put the counter the language uses with the noun', () => {
		const zh = { locale: 'zh' } as const;
		const ko = { locale: 'ko' } as const;
		expect(m.count_channels({ count: 72, shown: '72' }, zh)).toBe('72 个通道');
		expect(m.count_params({ count: 864, shown: '864' }, zh)).toBe('864 个参数');
		expect(m.count_macs({ count: 4608, shown: '4,608' }, zh)).toBe('4,608 次乘加');
		expect(m.count_channels({ count: 72, shown: '72' }, ko)).toBe('채널 72개');
		expect(m.count_params({ count: 864, shown: '864' }, ko)).toBe('파라미터 864개');
		expect(m.count_macs({ count: 4608, shown: '4,608' }, ko)).toBe('곱셈-덧셈 4,608회');
	});
});
