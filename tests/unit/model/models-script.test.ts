/**
 * `npm run models`: copying the official files from a local folder and verifying each model
 * folder against its manifest (the download path uses the same verification).
 */
import { mkdtempSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { copyModel, downloadModel, verifyModelDir } from '../../../scripts/lib/model-files.js';
import { fileFetch, hasModel, modelsDir } from './helpers';

const ID = 'mobilenet_v1_0.25_224';
const work = mkdtempSync(resolve(tmpdir(), 'separable-models-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasModel(ID))('model files', { timeout: 60_000 }, () => {
	it('verifies the shared official model', () => {
		const check = verifyModelDir(resolve(modelsDir, ID));
		expect(check).toMatchObject({ ok: true, problems: [] });
		expect(check.bytes).toBeGreaterThan(475_544 * 4);
	});

	it('copies a model and finds truncated, missing and broken files in the copy', async () => {
		const dir = resolve(work, 'copy', ID);
		await copyModel(resolve(modelsDir, ID), dir);
		expect(verifyModelDir(dir).ok).toBe(true);
		truncateSync(resolve(dir, 'group29-shard1of1'), 1000);
		unlinkSync(resolve(dir, 'group3-shard1of1'));
		const check = verifyModelDir(dir);
		expect(check.ok).toBe(false);
		expect(check.problems).toEqual([
			'group3-shard1of1 is missing',
			'group29-shard1of1: 1000 bytes, the manifest needs 1028000 (group 29)'
		]);
		writeFileSync(resolve(dir, 'model.json'), '{"modelTopology": {}');
		expect(verifyModelDir(dir).problems[0]).toMatch(/^model\.json: /);
	});

	it('refuses to install a copy that fails verification, keeping what was there', async () => {
		const broken = resolve(work, 'broken', ID);
		await copyModel(resolve(modelsDir, ID), broken);
		truncateSync(resolve(broken, 'group1-shard1of1'), 10);
		const target = resolve(work, 'installed', ID);
		await copyModel(resolve(modelsDir, ID), target);
		await expect(copyModel(broken, target)).rejects.toThrow(/group1-shard1of1: 10 bytes/);
		expect(verifyModelDir(target).ok).toBe(true);
	});

	it('downloads every file the manifest names and verifies them', async () => {
		const target = resolve(work, 'downloaded', ID);
		const { bytes } = await downloadModel(
			`http://localhost/models/${ID}/model.json`,
			target,
			fileFetch(modelsDir)
		);
		expect(verifyModelDir(target)).toMatchObject({ ok: true, bytes });
	});

	it('runs as `node scripts/models.js --from <dir>`, skipping models the folder lacks', () => {
		const to = resolve(work, 'cli');
		const run = spawnSync(
			process.execPath,
			[
				'scripts/models.js',
				'--from',
				modelsDir,
				'--to',
				to,
				'--only',
				ID,
				'--only',
				'mobilenet_v1_1.0_224',
				'--only',
				'mobilenet_v2_1.0_224_quant'
			],
			{ encoding: 'utf8' }
		);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/✓ mobilenet_v1_0\.25_224: copied and verified/);
		expect(run.stdout).toMatch(/- mobilenet_v1_1\.0_224: not in .*, skipped/);
		expect(verifyModelDir(resolve(to, ID)).ok).toBe(true);
		// Google's 8-bit V2 from ../shared/models/tflite: converted, every tensor mapped, 8-bit kept.
		expect(run.stdout).toMatch(
			/✓ mobilenet_v2_1\.0_224_quant: converted \(173 tensors mapped, 8-bit kernels kept\), 3\.6 MB/
		);
		const v2 = verifyModelDir(resolve(to, 'mobilenet_v2_1.0_224_quant'));
		expect(v2.ok).toBe(true);
		// About a quarter of the 14 MB that float32 would take.
		expect(v2.bytes).toBeGreaterThan(3.5e6);
		expect(v2.bytes).toBeLessThan(3.6e6);
	});

	it('says clearly when Google cannot be reached', () => {
		// A machine with no network: every fetch fails as Node's does when DNS finds nothing.
		const offline = `globalThis.fetch = async () => { throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) }); };`;
		const run = spawnSync(
			process.execPath,
			[
				'--import',
				`data:text/javascript,${encodeURIComponent(offline)}`,
				'scripts/models.js',
				'--download',
				'--to',
				resolve(work, 'offline')
			],
			{ encoding: 'utf8' }
		);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/cannot be reached \(ENOTFOUND\)\.\n.*This machine looks offline/);
		// It stops at the first model rather than failing every one the same way.
		expect(run.stderr.match(/✗/g)).toHaveLength(1);
	});
});
