import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../../scripts/lib/precompress.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('precompress', () => {
	it('writes brotli and gzip copies of text files that decompress to the original', async () => {
		dir = mkdtempSync(join(tmpdir(), 'separable-precompress-'));
		mkdirSync(join(dir, 'en/learn'), { recursive: true });
		const page = '<p>depthwise separable convolution</p>\n'.repeat(200);
		writeFileSync(join(dir, 'en/learn/index.html'), page);
		writeFileSync(join(dir, 'tiny.js'), 'export {};');
		writeFileSync(join(dir, 'photo.jpg'), Buffer.alloc(4096, 7));

		expect(await precompress(dir)).toBe(2);
		const html = join(dir, 'en/learn/index.html');
		expect(brotliDecompressSync(readFileSync(`${html}.br`)).toString()).toBe(page);
		expect(gunzipSync(readFileSync(`${html}.gz`)).toString()).toBe(page);
		expect(readFileSync(`${html}.br`).length).toBeLessThan(page.length / 10);
		// Too small to gain anything, or not text: served as they are.
		expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
		expect(existsSync(join(dir, 'photo.jpg.br'))).toBe(false);

		// Up-to-date copies are kept; a rebuilt file gets new ones.
		expect(await precompress(dir)).toBe(0);
		await new Promise((r) => setTimeout(r, 20));
		writeFileSync(html, `${page}<p>more</p>`);
		expect(await precompress(dir)).toBe(2);
		expect(gunzipSync(readFileSync(`${html}.gz`)).toString()).toBe(`${page}<p>more</p>`);
	});
});
