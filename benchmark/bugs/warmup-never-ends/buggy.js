'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9157);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Binary classifier: is a 2-D point inside the ring 1 < r < 2? The points are given together
// with 6 unrelated noise features. MLP with Adam and a linear learning-rate warm-up done in an
// epoch callback, since tfjs has no built-in schedulers.
const NUM_FEATURES = 8;
const N_TRAIN = 1000;
const N_TEST = 400;
const BASE_LR = 0.01;
const WARMUP_STEPS = 1000;
const EPOCHS = 30;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const px = rng.uniform(-2.5, 2.5);
    const py = rng.uniform(-2.5, 2.5);
    const r = Math.sqrt(px * px + py * py);
    xs.push([px, py, ...rng.array(NUM_FEATURES - 2, () => rng.normal(0, 1))]);
    ys.push([r > 1 && r < 2 ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(BASE_LR), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const warmup = {
    onEpochBegin: async (epoch) => {
      // ramp the learning rate up linearly, then hold it at BASE_LR
      model.optimizer.learningRate = BASE_LR * Math.min(1, (epoch + 1) / WARMUP_STEPS);
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [warmup],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`final lr ${model.optimizer.learningRate.toExponential(2)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
