'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');

  // The six hard-coded rows of the XOR-like table.
  const xs = tf.tensor2d([[1, 1], [0, 0], [1, 0], [0, 1], [1, 1], [0, 0]], [6, 2]);
  const ys = tf.tensor2d([[0], [0], [1], [1], [0], [0]], [6, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'softmax' }));

  const optimizer = tf.train.momentum(0.001, 0.9, true);
  model.compile({ optimizer, loss: 'meanSquaredError' });

  const history = await model.fit(xs, ys, { epochs: 20, batchSize: 32, verbose: 0 });

  const h = history.history.loss;
  const preds = Array.from(model.predict(xs).dataSync()).map((v) => v.toFixed(3));
  console.log(`first loss ${h[0].toFixed(4)} final loss ${h[h.length - 1].toFixed(4)} predictions [${preds.join(', ')}]`);
}

main();
