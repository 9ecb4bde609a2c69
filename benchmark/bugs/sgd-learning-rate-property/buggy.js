'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 10 sensor readings. The class is whichever of four weighted
// combinations of the readings is largest. Plain SGD with a short warm-up: start with a small
// learning rate for the first two epochs, then switch to the normal rate from a callback.
const NUM_FEATURES = 10;
const NUM_CLASSES = 4;
const WARMUP_EPOCHS = 2;

const directions = rng.array(NUM_CLASSES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = directions.map((d) => d.reduce((s, w, j) => s + w * row[j], 0));
    const c = scores.indexOf(Math.max(...scores));
    xs.push(row);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(1200);
  const test = makeReadings(400);
  const xTrain = tf.tensor2d(train.xs, [1200, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1200, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [400, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.sgd(1e-4);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const warmup = {
    onEpochEnd: async (epoch, logs) => {
      if (epoch === WARMUP_EPOCHS - 1) {
        optimizer.learningRate = 0.1;
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: 30,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [warmup],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
