'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3217);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Water-quality lab: classify a sample into one of three treatment classes (potable /
// needs filtering / needs chemical treatment) from 8 lab readings (turbidity, nitrate,
// phosphate, iron, manganese, chlorine residual, conductivity in mS/cm, fluoride), all
// reported on scales between 0 and about 2. Each class has its own typical panel and samples
// scatter around it. Small MLP trained with plain SGD.
const CLASSES = ['potable', 'filter', 'chemical'];
const N_FEATURES = 8;
const N_TRAIN = 900;
const N_TEST = 300;

const panels = CLASSES.map(() => rng.array(N_FEATURES, () => rng.uniform(0.4, 1.6)));

function makeSamples(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    rows.push(panels[c].map((m) => Math.min(2, Math.max(0, m + rng.normal(0, 0.25)))));
    labels.push(c);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSamples(N_TRAIN);
  const test = makeSamples(N_TEST);
  const xTrain = tf.tensor2d(train.rows).div(255);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.rows).div(255);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
