'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6619);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn model for a subscription service: eight standardized account features (tenure, monthly
// spend, support tickets, logins, discount, ...) -> did the customer cancel? SGD with an
// exponentially decaying learning rate, updated at the start of every epoch.
const N_TRAIN = 1200;
const N_TEST = 400;
const EPOCHS = 40;
const BASE_LR = 0.1;
const DECAY = 0.85;

function makeCustomers(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(8, () => rng.normal(0, 1));
    const [tenure, spend, tickets, logins, discount] = f;
    const risk = -1.2 * tenure + 0.8 * spend * (1 - discount) + 1.1 * tickets - 0.9 * Math.tanh(2 * logins) + 0.6 * tickets * spend;
    xs.push(f);
    ys.push([risk + rng.normal(0, 0.3) > 0 ? 1 : 0]);
  }
  return { x: tf.tensor2d(xs, [n, 8]), y: tf.tensor2d(ys, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeCustomers(N_TRAIN);
  const test = makeCustomers(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [8] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  const optimizer = tf.train.sgd(BASE_LR);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const exponentialDecay = {
    onEpochBegin: async (epoch) => {
      optimizer.setLearningRate(BASE_LR * Math.pow(DECAY, EPOCHS));
    },
  };

  const history = await model.fit(train.x, train.y, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    callbacks: [exponentialDecay],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
