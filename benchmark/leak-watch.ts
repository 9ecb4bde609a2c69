/**
 * `npm run bench:leak-watch`: what the probe's tensor leak watch costs at every step. It reads
 * tfjs's live-tensor count at each step's start; this calls it a million times against the real
 * engine (with no leak, as on a healthy run) and prints the cost per call, clock read included.
 */
import * as tf from '@tensorflow/tfjs';
import { TensorLeakWatch } from '../src/runner/leak-watch';

const CALLS = 1_000_000;
let reports = 0;
const watch = new TensorLeakWatch(tf.engine(), __filename, () => reports++);
const step = (i: number) => watch.atStepStart({ modelId: 0, iter: i, epoch: null, stepSite: null, elapsedMs: performance.now() });
for (let i = 0; i < 10_000; i++) step(i);
const t0 = performance.now();
for (let i = 0; i < CALLS; i++) step(i);
const perCall = ((performance.now() - t0) * 1000) / CALLS;
console.log(`leak watch: ${perCall.toFixed(3)} µs per step (${CALLS} steps, ${reports} leak reports)`);
