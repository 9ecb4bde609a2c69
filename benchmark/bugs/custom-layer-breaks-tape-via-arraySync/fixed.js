'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9545);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Subscription churn: does a customer cancel within 90 days, from 24 standardized account
// features (tenure, usage trends, support tickets, billing and plan signals)? Churn happens when
// a few of these signals line up. Model: dense -> clip the hidden activations to [0, 6] (keeps
// rare extreme accounts from blowing up the next layer) -> dense -> sigmoid.
const NUM_FEATURES = 24;
const N_TRAIN = 5000;
const N_TEST = 1000;

// ReLU6-style cap on the activations, as used in mobile nets
class ClipActivations extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.lo = config.lo;
    this.hi = config.hi;
  }

  computeOutputShape(inputShape) {
    return inputShape;
  }

  call(inputs) {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const capped = tf.clipByValue(x, this.lo, this.hi);
    return capped;
  }

  getConfig() {
    return { ...super.getConfig(), lo: this.lo, hi: this.hi };
  }

  static get className() {
    return 'ClipActivations';
  }
}
tf.serialization.registerClass(ClipActivations);

function accounts(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const risk = 1.5 * f[0] * f[1] + 1.2 * Math.abs(f[5]) - 1.0 * f[9] + 0.8 * Math.max(f[14], 0) * f[15] - 1.1 + 0.8 * f[20];
    xs.push(f);
    ys.push(risk + rng.normal(0, 0.3) > 0 ? 1 : 0);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = accounts(N_TRAIN);
  const test = accounts(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(new ClipActivations({ lo: 0, hi: 6 }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 25, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const churnRate = train.ys.reduce((a, b) => a + b, 0) / N_TRAIN;
  console.log(`churn rate ${churnRate.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
