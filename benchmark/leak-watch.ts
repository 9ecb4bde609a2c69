/**
 * `npm run bench:leak-watch`: what the probe's tensor leak watches cost.
 * - The step watch reads tfjs's live-tensor count at each step's start; this calls it a million
 *   times against the real engine (with no leak, as on a healthy run) and prints the cost per call,
 *   clock read included.
 * - The epoch-callback watch records the tensors a script's epoch callback makes; this times a
 *   typical onEpochEnd (a prediction on 200 held-out rows and its accuracy, in tf.tidy) bracketed
 *   by the watch against the same callback alone, in alternating rounds, and prints the ratio.
 */
import * as tf from '@tensorflow/tfjs';
import { EpochCallbackLeakWatch, TensorLeakWatch } from '../src/runner/leak-watch';

const CALLS = 1_000_000;
let reports = 0;
const watch = new TensorLeakWatch(tf.engine(), __filename, () => reports++);
const step = (i: number) => watch.atStepStart({ modelId: 0, iter: i, epoch: null, stepSite: null, elapsedMs: performance.now() });
for (let i = 0; i < 10_000; i++) step(i);
const t0 = performance.now();
for (let i = 0; i < CALLS; i++) step(i);
const perCall = ((performance.now() - t0) * 1000) / CALLS;
console.log(`leak watch: ${perCall.toFixed(3)} µs per step (${CALLS} steps, ${reports} leak reports)`);

const model = tf.sequential();
model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [5] }));
model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
const xTest = tf.randomNormal([200, 5], 0, 1, 'float32', 1);
const yTest = tf.oneHot(tf.tensor1d(Array.from({ length: 200 }, (_, i) => i % 3), 'int32'), 3);
const onEpochEnd = () => tf.tidy(() => tf.metrics.categoricalAccuracy(yTest, model.predict(xTest) as tf.Tensor).mean().dataSync()[0]);
const ROUNDS = 21;
const PER_ROUND = 200;
const ratios: number[] = [];
let watchedMs = 0;
for (let r = 0; r < ROUNDS; r++) {
  let s = performance.now();
  for (let i = 0; i < PER_ROUND; i++) onEpochEnd();
  const plain = performance.now() - s;
  // A fresh watch per epoch, as if every epoch were within the watched first ones.
  s = performance.now();
  for (let i = 0; i < PER_ROUND; i++) {
    const w = new EpochCallbackLeakWatch(tf.engine(), __filename, () => reports++);
    w.enter();
    onEpochEnd();
    w.exit(true, { modelId: 0, iter: i, epoch: 0, stepSite: null, elapsedMs: 0 });
    w.stop();
  }
  const watched = performance.now() - s;
  watchedMs += watched;
  ratios.push(watched / plain);
}
ratios.sort((a, b) => a - b);
console.log(
  `epoch-callback watch: a watched onEpochEnd / the same alone ${ratios[Math.floor(ROUNDS / 2)]!.toFixed(3)} (median of ${ROUNDS} rounds of ${PER_ROUND}, range ${ratios[0]!.toFixed(3)}–${ratios[ROUNDS - 1]!.toFixed(3)}), ` +
    `${((watchedMs * 1000) / (ROUNDS * PER_ROUND)).toFixed(1)} µs per watched callback, ${reports} leak reports`,
);
