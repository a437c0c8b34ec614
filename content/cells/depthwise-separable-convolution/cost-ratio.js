const D_K = 3;
const M = 64;
const D_F = 28;

const rows = [8, 16, 32, 64, 128, 256, 512, 1024].map((N) => ({
	N,
	'separable / standard': separableConvCost(D_K, M, N, D_F) / standardConvCost(D_K, M, N, D_F),
	'1/N + 1/D_K²': 1 / N + 1 / D_K ** 2
}));
show.table(rows);
show.line(
	{
		'separable / standard': rows.map((row) => [row.N, row['separable / standard']]),
		'1/D_K²': rows.map((row) => [row.N, 1 / D_K ** 2])
	},
	{ x: 'N', y: 'cost ratio' }
);
