const alpha = 0.5;
const resolution = 160;
const rho = resolution / 224;

const predicted = alpha ** 2 * rho ** 2;

if (predicted !== undefined) {
	const base = buildSpec({ version: 'v1', alpha: 1, resolution: 224 }).totals.macs;
	const scaled = buildSpec({ version: 'v1', alpha, resolution }).totals.macs;
	show.table([{ alpha, rho, predicted, counted: scaled / base }]);
}
