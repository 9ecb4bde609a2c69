'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(50306988);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  // 200 points per class; class A in [0.2, 0.4), class B between 0.5 and 0.7; labels 0/1,
  // rows shuffled.
  const perClass = 200;
  const a = rng.array(perClass * 2, () => rng.uniform(0.2, 0.4));
  const b = rng.array(perClass * 2, () => rng.uniform(0.7, 0.5));
  const rows = [];
  for (let i = 0; i < perClass; i++) {
    rows.push([a[2 * i], a[2 * i + 1], 0], [b[2 * i], b[2 * i + 1], 1]);
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const points = rows.flatMap((r) => [r[0], r[1]]);
  const labels = rows.map((r) => r[2]);
  const n = labels.length;
  const x = tf.tensor2d(points, [n, 2]);
  const y = tf.tensor2d(labels, [n, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 2, inputShape: [2] }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(x, y, { epochs: 50, batchSize: 32, verbose: 0 });
  const loss = history.history.loss;
  const acc = history.history.acc;
  console.log(`rows ${n}; loss first ${loss[0].toFixed(4)} last ${loss[loss.length - 1].toFixed(4)}; acc first ${acc[0].toFixed(4)} last ${acc[acc.length - 1].toFixed(4)}`);
}

main();
