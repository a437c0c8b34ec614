const alphas = [0.25, 0.5, 0.75, 1];
const resolutions = [128, 160, 192, 224];
const base = buildSpec({ version: 'v1', alpha: 1, resolution: 224 }).totals.macs;

const series = {};
for (const resolution of resolutions) {
	series[`${resolution} px`] = alphas.map((alpha) => [
		alpha,
		buildSpec({ version: 'v1', alpha, resolution }).totals.macs / 1e6
	]);
}
show.line(series, { x: 'α', y: 'MACs (M)' });

show.table(
	alphas.map((alpha) => ({
		alpha,
		'MACs / MACs(1, 224)': buildSpec({ version: 'v1', alpha, resolution: 224 }).totals.macs / base,
		'α²': alpha ** 2
	}))
);
