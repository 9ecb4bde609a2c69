'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2718);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Credit-scoring-like binary task: 20 standardized features, 6 of them informative,
// with L2 weight decay on every layer (the reported loss includes the penalty).
const FEATURES = 20;
const weights = rng.array(FEATURES, (i) => (i < 6 ? rng.normal(0, 1.2) : 0));

function makeSet(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(FEATURES, () => rng.normal(0, 1));
    const logit = row.reduce((s, v, j) => s + v * weights[j], 0) + 0.8 * row[0] * row[1];
    rows.push(row);
    labels.push([rng.random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0]);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSet(1500);
  const test = makeSet(500);
  const xTrain = tf.tensor2d(train.rows, [1500, FEATURES]);
  const yTrain = tf.tensor2d(train.labels, [1500, 1]);
  const xTest = tf.tensor2d(test.rows, [500, FEATURES]);
  const yTest = tf.tensor2d(test.labels, [500, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 24, activation: 'elu', kernelInitializer: 'heNormal', kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }), inputShape: [FEATURES] }));
  model.add(tf.layers.dense({ units: 12, activation: 'elu', kernelInitializer: 'heNormal', kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }) }));
  model.compile({ optimizer: tf.train.adagrad(0.05), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 50, validationData: [xTest, yTest], verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | held-out loss ${h.val_loss[last].toFixed(3)} accuracy ${h.val_acc[last].toFixed(3)}`);
}

main();
