const M = 24;
const t = 6;
const N = 32;

const params = M * (t * M) + 3 * 3 * (t * M) + (t * M) * N;

if (params !== undefined) {
	const spec = buildSpec({ version: 'v2', alpha: 1, resolution: 224 });
	show.table(
		spec.layers
			.filter((layer) => layer.block === 'block 3')
			.map(({ name, kind, kernel, input, output, params }) => ({ name, kind, kernel, input, output, params }))
	);
}

params
