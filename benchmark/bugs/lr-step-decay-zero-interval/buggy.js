'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5813);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on a synthetic "sensor" table: 12 standardized readings, the class is
// picked by which of four weighted sums of the readings is largest. SGD with momentum and a
// step-decay learning-rate schedule applied at the start of every epoch.
const NUM_FEATURES = 12;
const NUM_CLASSES = 4;
const EPOCHS = 30;

// schedule config
const INITIAL_LR = 0.05;
const DROP = 0.5;
const EPOCHS_PER_DROP = 0;

const weights = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = weights.map((w) => w.reduce((s, wj, j) => s + wj * row[j], 0));
    const c = scores.indexOf(Math.max(...scores));
    xs.push(row);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(1200);
  const test = makeData(400);
  const xTrain = tf.tensor2d(train.xs, [1200, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1200, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [400, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.momentum(INITIAL_LR, 0.9);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  // halve the learning rate every EPOCHS_PER_DROP epochs
  const stepDecay = {
    onEpochBegin: async (epoch) => {
      const lr = INITIAL_LR * Math.pow(DROP, Math.floor(epoch / EPOCHS_PER_DROP));
      optimizer.setLearningRate(lr);
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [stepDecay],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
