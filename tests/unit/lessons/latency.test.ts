import { describe, expect, it } from 'vitest';
import { V3_PAPER, V3_TABLE3, V3_TABLE4 } from '$lib/architecture';
import { latencyRows } from '$lib/lessons/latency';

const printed = (table: typeof V3_TABLE3, row: string) => table.rows.find((r) => r.row === row);

describe('latencyRows', () => {
	const rows = latencyRows();

	it("pairs the four networks V3's Tables 3 and 4 share, with each table's figures", () => {
		expect(rows.map((r) => r.model)).toEqual(['V3-Large 1.0', 'V2 1.0', 'V3-Small 1.0', 'V2 0.35']);
		const int8Rows = ['V3-Large 1.0', 'V2 1.0', 'V3-Small', 'V2 0.35'];
		rows.forEach((row, k) => {
			const float = printed(V3_TABLE3, row.model);
			const int8 = printed(V3_TABLE4, int8Rows[k] ?? '');
			expect(row.float.top1).toMatchObject({ value: float?.top1, table: 3, source: V3_PAPER });
			expect(row.float.latency).toMatchObject({ value: float?.latency, unit: 'ms', table: 3 });
			expect(row.int8.top1).toMatchObject({ value: int8?.top1, digits: 1, table: 4 });
			expect(row.int8.latency).toMatchObject({ value: int8?.latency, unit: 'ms', table: 4 });
		});
	});

	it('computes the speed-up and the top-1 change from the printed figures', () => {
		for (const row of rows) {
			expect(row.speedup).toBeCloseTo(row.float.latency.value / row.int8.latency.value, 12);
			expect(row.top1Change).toBeCloseTo(row.int8.top1.value - row.float.top1.value, 12);
			// 8 bits cost top-1 in every row the two tables share.
			expect(row.top1Change).toBeLessThan(0);
		}
		// Whatever a lesson says about them, the rows disagree on the speed-up: V2 0.35 gains nothing.
		const large = rows.find((r) => r.model === 'V3-Large 1.0');
		expect(large?.speedup).toBeGreaterThan(1);
		expect(rows.find((r) => r.model === 'V2 0.35')?.speedup).toBeLessThan(1);
	});
});
