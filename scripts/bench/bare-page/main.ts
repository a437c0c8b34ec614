// The reference of `npm run bench -- photo`: the page a tfjs tutorial would write (tfjs-core with
// its chained ops, and tfjs-layers: what the @tensorflow/tfjs bundle re-exports). Google's
// official MobileNet V1 0.25 layers model loaded with loadLayersModel, a dropped photo turned
// into a tensor with tf.browser.fromPixels, resized, scaled to [-1, 1], model.predict, the top 5
// written into a list. Same tfjs, same wasm binary and thread count as the lab (initBackend).
import * as tf from '@tensorflow/tfjs-core';
// The chained ops (x.div(…).sub(…)) the bundle registers.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { loadLayersModel } from '@tensorflow/tfjs-layers';
import { initBackend } from '$lib/model/backend';
import { imagenetClasses } from '$lib/model/classes';

const list = document.querySelector<HTMLOListElement>('[data-testid="classes"]')!;
const drop = document.querySelector<HTMLElement>('[data-testid="drop"]')!;

await initBackend('wasm');
const model = await loadLayersModel('/models/mobilenet_v1_0.25_224/model.json');
let count = 0;

async function classify(file: File) {
	const started = performance.now();
	const bitmap = await createImageBitmap(file);
	// The same stages as the lab's User Timing measures, for the bench to set side by side.
	performance.measure('bare:decode', { start: started });
	const passStarted = performance.now();
	const output = tf.tidy(() => {
		const pixels = tf.browser.fromPixels(bitmap).toFloat();
		const input = tf.image.resizeBilinear(pixels, [224, 224]).div(127.5).sub(1).expandDims(0);
		return model.predict(input) as tf.Tensor;
	});
	bitmap.close();
	const probabilities = await output.data();
	output.dispose();
	performance.measure('bare:pass', { start: passStarted });
	const top = [...probabilities.keys()]
		.sort((a, b) => probabilities[b]! - probabilities[a]!)
		.slice(0, 5);
	list.replaceChildren(
		...top.map((i) => {
			const item = document.createElement('li');
			item.textContent = `${imagenetClasses[i]} ${(probabilities[i]! * 100).toFixed(1)}%`;
			return item;
		})
	);
	list.dataset.image = String(++count);
}

drop.addEventListener('dragover', (event) => event.preventDefault());
drop.addEventListener('drop', (event) => {
	event.preventDefault();
	const file = event.dataTransfer?.files[0];
	if (file) void classify(file);
});
document.body.dataset.ready = 'true';
