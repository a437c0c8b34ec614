/**
 * The output views that draw with d3 (charts, images and heatmaps). A cell has no output until it
 * runs, so their code loads when a cell first runs (CellOutput.svelte), not with the lesson page.
 */
export { default as OutputChart } from './OutputChart.svelte';
export { default as OutputPixels } from './OutputPixels.svelte';
