'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(50306988);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  // 200 uniform values per class paired into 100 points; class A in [0.2, 0.4), class B
  // between 0.5 and 0.7; rows alternate A, B; labels 1/2 encoded to 0/1, then one-hot.
  const perClass = 100;
  const a = rng.array(perClass * 2, () => rng.uniform(0.2, 0.4));
  const b = rng.array(perClass * 2, () => rng.uniform(0.7, 0.5));
  const points = [];
  const labels = [];
  for (let i = 0; i < perClass; i++) {
    points.push(a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1]);
    labels.push(1 - 1, 2 - 1);
  }
  const n = labels.length;
  const x = tf.tensor2d(points, [n, 2]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 2);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 2, inputShape: [2] }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 2 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(x, y, { epochs: 5, batchSize: 32, verbose: 0 });
  const loss = history.history.loss;
  const acc = history.history.acc;
  console.log(`rows ${n}; loss first ${loss[0].toFixed(4)} last ${loss[loss.length - 1].toFixed(4)}; acc first ${acc[0].toFixed(4)} last ${acc[acc.length - 1].toFixed(4)}`);
}

main();
