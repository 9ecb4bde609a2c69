'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Approve / reject classifier on 6 standardized applicant features. The hidden rule is a noisy
// score mixing a linear part and one interaction term; positives are score > 0.
// One relu hidden layer, sigmoid output, binary cross-entropy, Adam.
const N_TRAIN = 1000;
const N_TEST = 400;
const NUM_FEATURES = 6;

function makeApplicants(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const score = 1.2 * f[0] - 0.8 * f[1] + 0.6 * f[2] + f[3] * f[4] + rng.normal(0, 0.3);
    xs.push(f);
    ys.push(score > 0 ? 1 : -1);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeApplicants(N_TRAIN);
  const test = makeApplicants(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
