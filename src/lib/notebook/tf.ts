/**
 * `tf` as notebook cells see it: the core ops with their chained forms (`x.add(1)`) and
 * gradients, and the Layers API, as the @tensorflow/tfjs bundle offers them, without WebGL
 * (the worker has no canvas) or the converter. Backends are registered by whoever runs cells.
 */
import * as core from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as layers from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';

export const tf = Object.freeze({ ...core, ...layers });
