'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9051);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-class classifier on 8 sensor readings: the class is the distance band of the first three
// readings from the origin (inner / middle / outer shell), the other five readings are noise.
// Custom training loop with Adam; an exponential moving average of the weights is kept in a
// second copy of the network and used for evaluation, as in the usual Polyak averaging setup.
const NUM_FEATURES = 8;
const NUM_CLASSES = 3;
const N_TRAIN = 800;
const N_TEST = 300;
const BATCH = 32;
const EPOCHS = 30;
const DECAY = 0.999;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const r = Math.hypot(x[0], x[1], x[2]);
    const c = r < 1.2 ? 0 : r < 2 ? 1 : 2;
    xs.push(x);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs: tf.tensor2d(xs, [n, NUM_FEATURES]), ys: tf.tensor2d(ys, [n, NUM_CLASSES]) };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));
  return model;
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeData(N_TRAIN);
  const test = makeData(N_TEST);

  const model = buildModel();
  const evalModel = buildModel();
  const weights = model.trainableWeights;
  const evalWeights = evalModel.trainableWeights;
  const averages = weights.map((w) => tf.variable(w.read().clone(), false));
  weights.forEach((w, i) => evalWeights[i].write(averages[i]));

  const optimizer = tf.train.adam(0.005);
  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const loss = optimizer.minimize(() => {
        const xb = train.xs.slice([b * BATCH, 0], [BATCH, NUM_FEATURES]);
        const yb = train.ys.slice([b * BATCH, 0], [BATCH, NUM_CLASSES]);
        return tf.losses.softmaxCrossEntropy(yb, model.predict(xb));
      }, true);
      epochLoss += loss.dataSync()[0] / numBatches;
      loss.dispose();
      tf.tidy(() => {
        weights.forEach((w, i) => {
          averages[i].assign(averages[i].mul(DECAY).add(w.read().mul(1 - DECAY)));
          evalWeights[i].write(averages[i]);
        });
      });
    }
    losses.push(epochLoss);
  }

  const accuracy = (m, data) => tf.tidy(() => m.predict(data.xs).argMax(-1).equal(data.ys.argMax(-1)).mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${accuracy(model, train).toFixed(3)} | test acc ${accuracy(model, test).toFixed(3)} averaged-weights test acc ${accuracy(evalModel, test).toFixed(3)}`);
}

main();
