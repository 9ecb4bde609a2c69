'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Loan approval classifier trained with a hand-written mini-batch loop. The raw applicant fields
// (income, loan amount, age, credit score, years employed, existing debt) go straight in; a batch
// normalization layer at the input takes care of their very different scales.
const NUM_FEATURES = 6;
const BATCH = 32;
const EPOCHS = 20;

function makeApplicants(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const income = rng.normal(60000, 20000);
    const amount = rng.normal(200000, 80000);
    const age = rng.normal(40, 12);
    const credit = rng.normal(650, 80);
    const years = Math.max(0, rng.normal(8, 5));
    const debt = Math.max(0, rng.normal(15000, 8000));
    const z = [(income - 60000) / 20000, (amount - 200000) / 80000, (age - 40) / 12, (credit - 650) / 80, (years - 8) / 5, (debt - 15000) / 8000];
    const score = 1.2 * z[0] - 1.0 * z[1] + 1.5 * z[3] + 0.5 * z[4] - 0.8 * z[5] + 0.6 * z[0] * z[3] - 0.4 * z[2] * z[2];
    xs.push([income, amount, age, credit, years, debt]);
    ys.push([score + rng.normal(0, 0.3) > 0 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeApplicants(1200);
  const test = makeApplicants(400);
  const xTrain = tf.tensor2d(train.xs, [1200, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1200, 1]);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.batchNormalization({ inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  const optimizer = tf.train.adam(0.005);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(1200);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < 1200; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      const cost = tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = xTrain.gather(ids);
        const yb = yTrain.gather(ids);
        return optimizer.minimize(() => {
          const preds = model.apply(xb, { training: true });
          return tf.metrics.binaryCrossentropy(yb, preds).mean();
        }, true);
      });
      epochLoss += cost.dataSync()[0];
      batches++;
      cost.dispose();
    }
    losses.push(epochLoss / batches);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const p = model.predict(x);
    const loss = tf.metrics.binaryCrossentropy(y, p).mean().dataSync()[0];
    const acc = tf.metrics.binaryAccuracy(y, p).mean().dataSync()[0];
    return [loss, acc];
  });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (train loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
