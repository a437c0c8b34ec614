// `npm run bench`: runs every benchmark in scripts/bench/ and prints one JSON document.
// Usage: npm run bench [-- name ...]   (names are file names in scripts/bench/ without .js)
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import os from 'node:os';

const dir = resolve(fileURLToPath(import.meta.url), '../bench');
const wanted = process.argv.slice(2);
const names = readdirSync(dir)
	.filter((file) => file.endsWith('.js'))
	.map((file) => file.slice(0, -3))
	.filter((name) => wanted.length === 0 || wanted.includes(name))
	.sort();

const results = {};
for (const name of names) {
	const started = performance.now();
	const bench = await import(pathToFileURL(resolve(dir, `${name}.js`)).href);
	console.error(`bench: ${name}…`);
	try {
		results[name] = await bench.run();
	} catch (error) {
		results[name] = { error: String(error?.stack ?? error) };
	}
	console.error(`bench: ${name} took ${Math.round(performance.now() - started)} ms`);
}

const report = {
	machine: {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model ?? 'unknown',
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		node: process.version
	},
	date: new Date().toISOString(),
	results
};
console.log(JSON.stringify(report, null, 2));
if (
	Object.values(results).some((result) => result && typeof result === 'object' && 'error' in result)
) {
	process.exitCode = 1;
}
