'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9613);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three interleaved spiral arms in the plane, one class per arm, four turns each. An MLP is
// trained for up to MAX_EPOCHS with our own early-stopping callback: keep the best validation
// loss and stop after PATIENCE epochs without an improvement of at least MIN_DELTA.
const N_TRAIN = 1500;
const N_VAL = 300;
const N_TEST = 600;
const NUM_CLASSES = 3;
const TURNS = 4;
const MAX_EPOCHS = 100;
const PATIENCE = 5;
const MIN_DELTA = 1e-4;

function sampleSpirals(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const arm = rng.int(0, NUM_CLASSES);
    const t = rng.uniform(0.1, 1);
    const angle = t * TURNS * Math.PI + (2 * Math.PI * arm) / NUM_CLASSES;
    xs.push([t * Math.cos(angle) + rng.normal(0, 0.03), t * Math.sin(angle) + rng.normal(0, 0.03)]);
    ys.push(arm);
  }
  return { xs, ys };
}

function toTensors({ xs, ys }) {
  return [tf.tensor2d(xs, [xs.length, 2]), tf.oneHot(tf.tensor1d(ys, 'int32'), NUM_CLASSES)];
}

async function main() {
  await tf.setBackend('wasm');

  const [xTrain, yTrain] = toTensors(sampleSpirals(N_TRAIN));
  const [xVal, yVal] = toTensors(sampleSpirals(N_VAL));
  const [xTest, yTest] = toTensors(sampleSpirals(N_TEST));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  let bestValLoss = Infinity;
  let wait = 0;
  const earlyStopping = {
    onEpochEnd: async (epoch, logs) => {
      if (logs.val_loss < bestValLoss - MIN_DELTA) {
        bestValLoss = logs.val_loss;
      } else {
        wait += 1;
      }
      if (wait >= PATIENCE) {
        model.stopTraining = true;
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: MAX_EPOCHS,
    batchSize: 64,
    shuffle: true,
    validationData: [xVal, yVal],
    callbacks: [earlyStopping],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`epochs ${h.loss.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
