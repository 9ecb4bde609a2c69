'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7342);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Mobile-plan customers: 8 standardized usage and account features (data volume, roaming days,
// tenure, support calls, ...). One head predicts next month's bill in dollars, the other whether
// the customer cancels the plan. Functional API: a shared dense layer, then one small dense
// branch per output.
const NUM_FEATURES = 8;
const N_TRAIN = 1200;
const N_TEST = 400;

function makeCustomers(n) {
  const xs = [];
  const bill = [];
  const churn = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const dollars = 240 + 60 * f[0] + 35 * f[1] - 20 * f[2] + 15 * f[0] * f[3] + rng.normal(0, 5);
    const unhappy = f[4] + 0.8 * f[5] - 0.6 * f[2] + 0.5 * f[6] * f[7];
    xs.push(f);
    bill.push([Math.max(20, dollars)]);
    churn.push([unhappy > 0 ? 1 : 0]);
  }
  return { xs, bill, churn };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yBill = tf.tensor2d(train.bill, [N_TRAIN, 1]);
  const yChurn = tf.tensor2d(train.churn, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yBillTest = tf.tensor2d(test.bill, [N_TEST, 1]);
  const yChurnTest = tf.tensor2d(test.churn, [N_TEST, 1]);

  const input = tf.input({ shape: [NUM_FEATURES] });
  const h1 = tf.layers.dense({ units: 64, activation: 'relu' }).apply(input);
  const billHidden = tf.layers.dense({ units: 32, activation: 'relu' }).apply(h1);
  const churnHidden = tf.layers.dense({ units: 32, activation: 'relu' }).apply(h1);
  const billOut = tf.layers.dense({ units: 1, name: 'bill' }).apply(billHidden);
  const churnOut = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'churn' }).apply(churnHidden);
  const model = tf.model({ inputs: input, outputs: [billOut, churnOut] });
  model.compile({ optimizer: tf.train.adam(0.01), loss: ['binaryCrossentropy', 'meanSquaredError'], metrics: { bill: 'mae', churn: 'accuracy' } });

  const history = await model.fit(xTrain, [yBill, yChurn], { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const headMetrics = (x, yB, yC) => tf.tidy(() => {
    const [billPred, churnPred] = model.predict(x);
    const mae = tf.metrics.meanAbsoluteError(yB, billPred).mean().dataSync()[0];
    const acc = tf.metrics.binaryAccuracy(yC, churnPred).mean().dataSync()[0];
    return { mae, acc };
  });
  const tr = headMetrics(xTrain, yBill, yChurn);
  const te = headMetrics(xTest, yBillTest, yChurnTest);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | train bill mae ${tr.mae.toFixed(2)} churn acc ${tr.acc.toFixed(3)} | test bill mae ${te.mae.toFixed(2)} churn acc ${te.acc.toFixed(3)}`);
}

main();
