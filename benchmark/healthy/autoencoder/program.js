'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9043);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// 32-dim signals in [0, 1] (like a 1-D image): each is a random convex mixture of 4 prototype
// patterns, two bumps each, plus noise, so the data lies near a 3-dimensional simplex that a
// 4-unit bottleneck can capture.
const DIM = 32;
const PROTOTYPES = 4;
function bump(j, centre, width) {
  return Math.exp(-((j - centre) ** 2) / (2 * width * width));
}
const prototypes = rng.array(PROTOTYPES, () => {
  const c1 = rng.uniform(0, DIM);
  const c2 = rng.uniform(0, DIM);
  const w1 = rng.uniform(1.5, 4);
  const w2 = rng.uniform(1.5, 4);
  return rng.array(DIM, (j) => 0.05 + 0.9 * Math.max(bump(j, c1, w1), bump(j, c2, w2)));
});

function makeSignals(n) {
  const rows = new Float32Array(n * DIM);
  for (let i = 0; i < n; i++) {
    const w = rng.array(PROTOTYPES, () => -Math.log(1 - rng.random()));
    const total = w.reduce((a, b) => a + b, 0);
    for (let j = 0; j < DIM; j++) {
      let v = 0;
      for (let p = 0; p < PROTOTYPES; p++) v += (w[p] / total) * prototypes[p][j];
      rows[i * DIM + j] = Math.min(1, Math.max(0, v + rng.normal(0, 0.03)));
    }
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const NTRAIN = 2000;
  const NTEST = 500;
  const xTrain = tf.tensor2d(makeSignals(NTRAIN), [NTRAIN, DIM]);
  const xTest = tf.tensor2d(makeSignals(NTEST), [NTEST, DIM]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [DIM] }));
  model.add(tf.layers.dense({ units: 4, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: DIM, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, xTrain, { epochs: 100, batchSize: 64, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  // Held-out reconstruction error against the baseline of always predicting the training mean.
  const testMse = tf.losses.meanSquaredError(xTest, model.predict(xTest)).dataSync()[0];
  const trainMean = xTrain.mean(0, true);
  const baselineMse = tf.losses.meanSquaredError(xTest, trainMean.tile([NTEST, 1])).dataSync()[0];
  console.log(`loss ${losses[0].toFixed(5)} -> ${losses[losses.length - 1].toFixed(5)} | held-out MSE ${testMse.toFixed(5)} vs mean baseline ${baselineMse.toFixed(5)} (ratio ${(testMse / baselineMse).toFixed(3)})`);
}

main();
