'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5519);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three concentric rings in the plane (inner disc, middle ring, outer ring), one class per ring.
// Train for up to 150 epochs, but stop by ourselves once the training loss has converged
// (no improvement of at least MIN_DELTA for PATIENCE epochs in a row).
const N_TRAIN = 900;
const N_TEST = 300;
const NUM_CLASSES = 3;
const MAX_EPOCHS = 150;
const MIN_DELTA = 1e-3;
const PATIENCE = 2;

function makeRings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const r = c + rng.uniform(0.1, 0.9);
    const angle = rng.uniform(0, 2 * Math.PI);
    xs.push([r * Math.cos(angle) + rng.normal(0, 0.08), r * Math.sin(angle) + rng.normal(0, 0.08)]);
    ys.push(c);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRings(N_TRAIN);
  const test = makeRings(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, 2]);
  const yTrain = tf.oneHot(tf.tensor1d(train.ys, 'int32'), NUM_CLASSES);
  const xTest = tf.tensor2d(test.xs, [N_TEST, 2]);
  const yTest = tf.oneHot(tf.tensor1d(test.ys, 'int32'), NUM_CLASSES);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  let bestLoss = Infinity;
  let epochsWithoutImprovement = 0;
  const stopWhenConverged = {
    onEpochEnd: async (epoch, logs) => {
      if (bestLoss - logs.loss < MIN_DELTA) {
        epochsWithoutImprovement++;
      } else {
        bestLoss = logs.loss;
        epochsWithoutImprovement = 0;
      }
      if (epochsWithoutImprovement >= PATIENCE) {
        model.stopTraining = true;
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: MAX_EPOCHS,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [stopWhenConverged],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`epochs ${h.loss.length} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
