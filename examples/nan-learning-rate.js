// A regression MLP whose learning rate is far too high: the loss becomes NaN within a few
// iterations. Faultline marks the optimizer line and offers a smaller learning rate.
'use strict';
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Seeded randomness (mulberry32), so every run trains the same way.
let seed = 7;
Math.random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

async function main() {
  await tf.setBackend('wasm');
  // y = 3*x1 - 2*x2 + 0.5*x3 + noise, inputs in [0, 10).
  const n = 256;
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const row = [Math.random() * 10, Math.random() * 10, Math.random() * 10];
    x.push(row);
    y.push([3 * row[0] - 2 * row[1] + 0.5 * row[2] + (Math.random() - 0.5)]);
  }
  const xs = tf.tensor2d(x);
  const ys = tf.tensor2d(y);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [3] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.sgd(5), loss: 'meanSquaredError' });

  const history = await model.fit(xs, ys, { epochs: 20, batchSize: 32, verbose: 0 });
  console.log('final loss', history.history.loss[history.history.loss.length - 1]);
}

main();
