'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6505);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Transfer learning on tabular data. Both tasks depend on the same two hidden directions
// (u, v) of 10 standardized features. Task A (plenty of data): which quadrant of the (u, v)
// plane a point falls in. Task B (little data): which of three 120-degree sectors of the
// (u, v) plane it falls in. A base MLP is trained on A; its first two layers are then frozen
// and reused as a feature extractor under a new head trained on B.
const FEATURES = 10;
const dirU = rng.array(FEATURES, () => rng.normal(0, 1));
const dirV = rng.array(FEATURES, () => rng.normal(0, 1));
const norm = (d) => Math.sqrt(d.reduce((s, a) => s + a * a, 0));
const nu = norm(dirU);
const nv = norm(dirV);

function makeSet(n, task) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(FEATURES, () => rng.normal(0, 1));
    const u = x.reduce((s, a, j) => s + (a * dirU[j]) / nu, 0);
    const v = x.reduce((s, a, j) => s + (a * dirV[j]) / nv, 0);
    const angle = Math.atan2(v, u) + Math.PI;
    rows.push(x);
    labels.push(task === 'A' ? Math.min(3, Math.floor(angle / (Math.PI / 2))) : Math.min(2, Math.floor(angle / ((2 * Math.PI) / 3))));
  }
  return { rows, labels };
}

const oneHot = (labels, k) => labels.map((l) => Array.from({ length: k }, (_, j) => (j === l ? 1 : 0)));

async function main() {
  await tf.setBackend('wasm');

  // Task A: train the base network.
  const trainA = makeSet(2000, 'A');
  const testA = makeSet(500, 'A');
  const xTrainA = tf.tensor2d(trainA.rows, [2000, FEATURES]);
  const yTrainA = tf.tensor2d(oneHot(trainA.labels, 4), [2000, 4]);
  const xTestA = tf.tensor2d(testA.rows, [500, FEATURES]);
  const yTestA = tf.tensor2d(oneHot(testA.labels, 4), [500, 4]);

  const base = tf.sequential();
  base.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES], name: 'base_dense1' }));
  base.add(tf.layers.dense({ units: 16, activation: 'relu', name: 'base_dense2' }));
  base.add(tf.layers.dense({ units: 4, activation: 'softmax', name: 'task_a_out' }));
  base.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const historyA = await base.fit(xTrainA, yTrainA, { epochs: 20, batchSize: 32, verbose: 0 });
  const [, accA] = base.evaluate(xTestA, yTestA).map((t) => t.dataSync()[0]);

  // Task B: freeze the first two base layers and train a new head on a small data set.
  const trainB = makeSet(300, 'B');
  const testB = makeSet(1000, 'B');
  const xTrainB = tf.tensor2d(trainB.rows, [300, FEATURES]);
  const yTrainB = tf.tensor2d(oneHot(trainB.labels, 3), [300, 3]);
  const xTestB = tf.tensor2d(testB.rows, [1000, FEATURES]);
  const yTestB = tf.tensor2d(oneHot(testB.labels, 3), [1000, 3]);

  base.layers[0].trainable = false;
  base.layers[1].trainable = false;
  const frozenBefore = base.layers.slice(0, 2).map((layer) => layer.getWeights().map((w) => w.dataSync().slice()));
  const features = base.layers[1].output;
  const headHidden = tf.layers.dense({ units: 16, activation: 'relu', name: 'head_dense' }).apply(features);
  const headOut = tf.layers.dense({ units: 3, activation: 'softmax', name: 'task_b_out' }).apply(headHidden);
  const fineTuned = tf.model({ inputs: base.inputs, outputs: headOut });
  fineTuned.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const historyB = await fineTuned.fit(xTrainB, yTrainB, { epochs: 40, batchSize: 32, verbose: 0 });

  const [lossB, accB] = fineTuned.evaluate(xTestB, yTestB).map((t) => t.dataSync()[0]);
  let frozenDrift = 0;
  base.layers.slice(0, 2).forEach((layer, i) => layer.getWeights().forEach((w, j) => w.dataSync().forEach((v, k) => { frozenDrift = Math.max(frozenDrift, Math.abs(v - frozenBefore[i][j][k])); })));
  const lA = historyA.history.loss;
  const lB = historyB.history.loss;
  console.log(`task A loss ${lA[0].toFixed(3)} -> ${lA[lA.length - 1].toFixed(3)} held-out acc ${accA.toFixed(3)} | task B (frozen base, ${fineTuned.trainableWeights.length} trainable tensors) loss ${lB[0].toFixed(3)} -> ${lB[lB.length - 1].toFixed(3)} held-out loss ${lossB.toFixed(3)} acc ${accB.toFixed(3)} | frozen weight drift ${frozenDrift}`);
}

main();
