'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Which JPEG quality setting was an image saved with? Photos were re-encoded with the canvas
// encoder at quality 0.1, 0.2, ..., 1.0 and 12 artifact statistics (blockiness, ringing, energy
// in several frequency bands, ...) were measured on each copy. A small MLP classifies the
// quality setting; a second batch of photos, encoded the same way, is the test set.
const QUALITIES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
const N_FEATURES = 12;
const PER_QUALITY_TRAIN = 80;
const PER_QUALITY_TEST = 30;

// How each artifact statistic responds to the quality setting.
const freqs = rng.array(N_FEATURES, () => rng.uniform(0.5, 3));
const phases = rng.array(N_FEATURES, () => rng.uniform(0, 2 * Math.PI));

function artifactStats(quality) {
  return freqs.map((f, j) => Math.cos(2 * Math.PI * f * quality + phases[j]) + rng.normal(0, 0.6));
}

function encodePhotos(perQuality) {
  const records = [];
  for (let quality = 0.1; quality <= 1.0; quality += 0.1) {
    for (let i = 0; i < perQuality; i++) records.push({ stats: artifactStats(quality), quality });
  }
  return records;
}

function toTensors(records) {
  const labels = records.map((r) => QUALITIES.indexOf(r.quality));
  const xs = tf.tensor2d(records.map((r) => r.stats), [records.length, N_FEATURES]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), QUALITIES.length).toFloat();
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toTensors(encodePhotos(PER_QUALITY_TRAIN));
  const test = toTensors(encodePhotos(PER_QUALITY_TEST));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: QUALITIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
