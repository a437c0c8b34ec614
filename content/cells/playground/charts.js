const spec = buildSpec({ version: 'v1', alpha: 1, resolution: 224 });
show.bar(
	Object.entries(spec.byKind)
		.filter(([, totals]) => totals.macs > 0)
		.map(([kind, totals]) => [kind, totals.macs / 1e6]),
	{ y: 'MACs (M)' }
);

const alphas = [0.25, 0.5, 0.75, 1, 1.25];
show.line(
	alphas.map((alpha) => [alpha, buildSpec({ version: 'v1', alpha, resolution: 224 }).totals.macs / 1e6]),
	{ x: 'α', y: 'MACs (M)' }
);
