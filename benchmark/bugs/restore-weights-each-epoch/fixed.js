'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5308);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Machine state classifier: 10 standardized sensor readings, and the state (idle / normal / fault)
// is whichever of three scores built from the readings is largest. Validation split is used to
// roll the model back to its best weights whenever an epoch makes validation worse.
const NUM_FEATURES = 10;
const NUM_STATES = 3;

const mix = rng.array(NUM_STATES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = mix.map((w, k) => r.reduce((s, v, j) => s + v * w[j], 0) + (k === 2 ? r[0] * r[1] : 0));
    const state = scores.indexOf(Math.max(...scores));
    xs.push(r);
    ys.push([0, 1, 2].map((k) => (k === state ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(1000);
  const test = makeReadings(400);
  const xTrain = tf.tensor2d(train.xs, [1000, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1000, NUM_STATES]);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [400, NUM_STATES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_STATES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  // Start from the initial weights; keep the best ones seen so far and go back to them
  // whenever an epoch ends with a worse validation loss.
  const initial = model.getWeights().map((w) => w.clone());
  let bestWeights = initial;
  let bestValLoss = Infinity;
  const keepBest = {
    onEpochEnd: async (epoch, logs) => {
      if (logs.val_loss < bestValLoss) {
        bestValLoss = logs.val_loss;
        bestWeights = model.getWeights().map((w) => w.clone());
      } else {
        model.setWeights(bestWeights);
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: 25,
    batchSize: 32,
    validationSplit: 0.2,
    shuffle: true,
    verbose: 0,
    callbacks: [keepBest],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
