'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(41372874);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sine series: features are the current and the previous value; every label is 1, as in the
// original CSV (a single class).
function makeSeries(n, step) {
  const rows = [];
  const labels = [];
  for (let i = 1; i <= n; i++) {
    const cur = Math.sin(i * step);
    const prev = Math.sin((i - 1) * step);
    rows.push([cur, prev]);
    labels.push([1]);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const { rows, labels } = makeSeries(298, 0.1);
  const split = Math.floor(298 * 0.8);
  const xTrain = tf.tensor2d(rows.slice(0, split), [split, 2]);
  const yTrain = tf.tensor2d(labels.slice(0, split), [split, 1]);
  const xTest = tf.tensor2d(rows.slice(split), [298 - split, 2]);
  const yTest = tf.tensor2d(labels.slice(split), [298 - split, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 2, inputShape: [2], kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));

  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 2, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(4)} acc ${testAcc.toFixed(3)}`);
}

main();
