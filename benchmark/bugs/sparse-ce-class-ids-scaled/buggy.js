'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5078);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Green coffee lot grading: 8 standardized lab and cupping measurements (moisture, density,
// defect count, acidity, body, ...) and a quality grade from 0 (reject) to 4 (specialty)
// assigned by the graders. Small MLP with a softmax over the five grades.
const NUM_FEATURES = 8;
const NUM_GRADES = 5;
const N_TRAIN = 1500;
const N_TEST = 400;
const CUTS = [-1.2, -0.4, 0.4, 1.2];

function makeLots(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const quality = x[0] + 0.7 * x[1] - 0.5 * x[2] + 0.4 * x[3] * x[4] + rng.normal(0, 0.15);
    const grade = CUTS.filter((c) => quality > c).length;
    xs.push(x);
    ys.push([grade / (NUM_GRADES - 1)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeLots(N_TRAIN);
  const test = makeLots(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_GRADES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
