'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(45337371);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  const n = 200;
  // Random inputs in [0, 1), 3-D so Dense acts on the last axis; each continuous target is a tent
  // function of its input, so the targets are still uniform in [0, 1) but learnable.
  const xData = rng.array(n * 5, () => rng.random());
  const yData = xData.map((v) => Math.abs(2 * v - 1));
  const x = tf.tensor3d(xData, [n, 5, 1]);
  const y = tf.tensor3d(yData, [n, 5, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 60, inputShape: [5, 1] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 50 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(x, y, { epochs: 5, batchSize: 1, verbose: 0 });
  const losses = history.history.loss.map((v) => v.toFixed(4)).join(' ');
  const acc = history.history.acc[history.history.acc.length - 1];
  console.log(`loss per epoch: ${losses}; final acc ${acc.toFixed(4)}`);
}

main();
