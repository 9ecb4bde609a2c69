'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(31556268);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');

  // The four XOR rows.
  const xs = tf.tensor2d([[1, 1], [1, 0], [0, 0], [0, 1]], [4, 2]);
  const ys = tf.tensor2d([[0], [1], [0], [1]], [4, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 4, inputShape: [2], kernelInitializer: 'glorotUniform' }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: 'glorotUniform' }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));

  const optimizer = tf.train.momentum(0.05, 0.11, true);
  model.compile({ optimizer, loss: 'meanAbsoluteError', metrics: ['accuracy'] });

  const history = await model.fit(xs, ys, { epochs: 1000, batchSize: 4, shuffle: true, verbose: 0 });

  const loss = history.history.loss[history.history.loss.length - 1];
  const acc = history.history.acc[history.history.acc.length - 1];
  const preds = Array.from(model.predict(xs).dataSync()).map((v) => v.toFixed(3));
  console.log(`first loss ${history.history.loss[0].toFixed(4)} final loss ${loss.toFixed(4)} acc ${acc.toFixed(3)} predictions [${preds.join(', ')}]`);
}

main();
