// A small, correctly configured classifier: Faultline should find nothing wrong.
'use strict';
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Seeded randomness (mulberry32), so every run trains the same way.
let seed = 3;
Math.random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

async function main() {
  await tf.setBackend('wasm');
  // Three Gaussian blobs in 2-D, one-hot labels.
  const centers = [[-2, 0], [2, 0], [0, 2.5]];
  const x = [];
  const y = [];
  for (let i = 0; i < 300; i++) {
    const c = i % 3;
    x.push([centers[c][0] + (Math.random() - 0.5) * 1.5, centers[c][1] + (Math.random() - 0.5) * 1.5]);
    y.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  const xs = tf.tensor2d(x);
  const ys = tf.tensor2d(y);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xs, ys, { epochs: 30, batchSize: 32, verbose: 0 });
  const acc = history.history.acc;
  console.log('final accuracy', acc[acc.length - 1]);
}

main();
