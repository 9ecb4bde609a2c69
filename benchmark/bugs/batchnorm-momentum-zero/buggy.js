'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9522);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Telecom churn model: each customer has 8 account features (tenure in months, monthly charge,
// support calls last quarter, data used in GB, contract length in months, late payments,
// dropped calls per week, discount in percent) and is labeled as staying, downgrading or
// leaving. Features are standardized with the training statistics; the MLP uses batch
// normalization after each hidden dense layer. The quarter's export is split into a training
// part and a held-out part; the next quarter's export is the test set.
const PLANS = ['stay', 'downgrade', 'leave'];
const FEATURES = [
  { mean: 30, std: 18 },
  { mean: 65, std: 20 },
  { mean: 1.5, std: 1.2 },
  { mean: 12, std: 6 },
  { mean: 14, std: 9 },
  { mean: 0.8, std: 0.9 },
  { mean: 2, std: 1.5 },
  { mean: 8, std: 6 },
];
const N_EXPORT = 1600;
const N_VAL = 318;
const N_TEST = 500;
const BATCH_SIZE = 64;

function exportCustomers(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const z = FEATURES.map(() => rng.normal(0, 1));
    const risk = -0.9 * z[0] + 0.7 * z[2] + 0.6 * z[5] + 0.5 * z[6] - 0.6 * z[4] + rng.normal(0, 0.3);
    const price = 0.9 * z[1] - 0.7 * z[7] - 0.3 * z[3] + rng.normal(0, 0.3);
    const label = risk > 0.7 ? 2 : price > 0.5 ? 1 : 0;
    xs.push(z.map((v, j) => FEATURES[j].mean + FEATURES[j].std * v));
    labels.push(label);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const quarter = exportCustomers(N_EXPORT);
  const next = exportCustomers(N_TEST);
  const nTrain = N_EXPORT - N_VAL;
  const xAll = tf.tensor2d(quarter.xs);
  const yAll = tf.oneHot(tf.tensor1d(quarter.labels, 'int32'), PLANS.length).toFloat();
  const xTrainRaw = xAll.slice([0, 0], [nTrain, -1]);
  const yTrain = yAll.slice([0, 0], [nTrain, -1]);
  const xValRaw = xAll.slice([nTrain, 0], [N_VAL, -1]);
  const yVal = yAll.slice([nTrain, 0], [N_VAL, -1]);
  const yTest = tf.oneHot(tf.tensor1d(next.labels, 'int32'), PLANS.length).toFloat();

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xVal = xValRaw.sub(mean).div(std);
  const xTest = tf.tensor2d(next.xs).sub(mean).div(std);

  // dense -> batch norm -> relu blocks
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, inputShape: [FEATURES.length] }));
  model.add(tf.layers.batchNormalization({ momentum: 0 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 32 }));
  model.add(tf.layers.batchNormalization({ momentum: 0 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: PLANS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 12,
    batchSize: BATCH_SIZE,
    validationData: [xVal, yVal],
    shuffle: true,
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
