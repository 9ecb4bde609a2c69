'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Car insurance: predict whether a policy holder files a claim within the year. Claim risk depends
// mostly on the driver's age (young and elderly drivers claim more), a little on annual mileage and
// the car's age. As in the actuarial report, age enters the model as one-hot age bands; the other
// two features are scaled. Small MLP with a sigmoid output; a fresh set of policies is held out.
const AGE_BOUNDARIES = [25, 30, 40, 50, 60, 70, 80];
const NUM_BUCKETS = AGE_BOUNDARIES.length + 1;
const NUM_FEATURES = NUM_BUCKETS + 2;
const N_TRAIN = 1500;
const N_TEST = 500;

function makePolicies(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const age = rng.uniform(18, 90);
    const mileage = rng.uniform(2, 40);
    const carAge = rng.uniform(0, 20);
    const ageRisk = age < 25 ? 2.2 : age < 30 ? 1.0 : age < 60 ? -1.2 : age < 70 ? 0.0 : 1.8;
    const risk = ageRisk + 0.03 * (mileage - 20) + 0.02 * (carAge - 10) + rng.normal(0, 0.6);
    rows.push({ age, mileage, carAge, claim: risk > 0 ? 1 : 0 });
  }
  return rows;
}

function ageBucket(age) {
  const bucket = AGE_BOUNDARIES.findIndex((b) => age < b);
  return bucket === -1 ? NUM_BUCKETS - 1 : bucket;
}

function encode(rows) {
  const xs = rows.map((r) => {
    const oneHot = new Array(NUM_BUCKETS).fill(0);
    oneHot[ageBucket(r.age)] = 1;
    return [...oneHot, r.mileage / 40, r.carAge / 20];
  });
  const ys = rows.map((r) => [r.claim]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = encode(makePolicies(N_TRAIN));
  const test = encode(makePolicies(N_TEST));
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
