'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Transfer learning on sensor readings (10 features). A base network is first trained to
// recognise which of 32 machine states produced a reading; its feature layers are then reused,
// frozen, under a new classification head (hidden layer + softmax) that predicts the 4
// maintenance categories (each state belongs to one category), trained on a smaller labelled set.
const NUM_FEATURES = 10;
const NUM_STATES = 32;
const NUM_CATEGORIES = 4;

const centres = rng.array(NUM_STATES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 2.5)));
const categoryOf = rng.array(NUM_STATES, (s) => s % NUM_CATEGORIES);

function makeReadings(n) {
  const xs = [];
  const states = [];
  const categories = [];
  for (let i = 0; i < n; i++) {
    const s = rng.int(0, NUM_STATES);
    xs.push(centres[s].map((m) => m + rng.normal(0, 1)));
    states.push(s);
    categories.push(categoryOf[s]);
  }
  return { xs, states, categories };
}

async function main() {
  await tf.setBackend('wasm');

  // Step 1: train the base model on the state-recognition task.
  const source = makeReadings(1500);
  const xSource = tf.tensor2d(source.xs, [1500, NUM_FEATURES]);
  const ySource = tf.oneHot(tf.tensor1d(source.states, 'int32'), NUM_STATES);
  const base = tf.sequential();
  base.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  base.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  base.add(tf.layers.dense({ units: NUM_STATES, activation: 'softmax' }));
  base.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const baseHistory = await base.fit(xSource, ySource, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });
  const baseAcc = baseHistory.history.acc[baseHistory.history.acc.length - 1];

  // Step 2: reuse the feature layers, keep them fixed and train a new head for the categories.
  const target = makeReadings(400);
  const test = makeReadings(400);
  const xTarget = tf.tensor2d(target.xs, [400, NUM_FEATURES]);
  const yTarget = tf.oneHot(tf.tensor1d(target.categories, 'int32'), NUM_CATEGORIES);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.categories, 'int32'), NUM_CATEGORIES);

  const model = tf.sequential();
  model.add(base.layers[0]);
  model.add(base.layers[1]);
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CATEGORIES, activation: 'softmax' }));
  for (const layer of base.layers.slice(0, 2)) layer.trainable = false;
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTarget, yTarget, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`base acc ${baseAcc.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
