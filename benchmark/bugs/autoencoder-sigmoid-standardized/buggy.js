'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Dense autoencoder for anomaly scoring on 24 machine-sensor channels. The readings are driven by
// three hidden operating factors (load, speed, temperature) plus sensor noise; each channel is
// standardized with the training mean/std, then compressed to a 3-unit code and reconstructed.
const CHANNELS = 24;
const CODE = 3;

const mixing = rng.array(3, () => rng.array(CHANNELS, () => rng.normal(0, 1)));
const offsets = rng.array(CHANNELS, () => rng.uniform(10, 100));
const scales = rng.array(CHANNELS, () => rng.uniform(1, 20));

function readSensors(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const load = rng.normal(0, 1);
    const speed = rng.normal(0, 1);
    const temp = rng.normal(0, 1);
    const row = [];
    for (let c = 0; c < CHANNELS; c++) {
      const signal = mixing[0][c] * load + mixing[1][c] * speed + mixing[2][c] * Math.tanh(temp);
      row.push(offsets[c] + scales[c] * (signal + rng.normal(0, 0.1)));
    }
    rows.push(row);
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const trainRaw = tf.tensor2d(readSensors(1000), [1000, CHANNELS]);
  const testRaw = tf.tensor2d(readSensors(300), [300, CHANNELS]);
  const { mean, variance } = tf.moments(trainRaw, 0);
  const std = variance.sqrt();
  const xTrain = trainRaw.sub(mean).div(std);
  const xTest = testRaw.sub(mean).div(std);

  const autoencoder = tf.sequential();
  autoencoder.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [CHANNELS] }));
  autoencoder.add(tf.layers.dense({ units: CODE, activation: 'linear' }));
  autoencoder.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  autoencoder.add(tf.layers.dense({ units: CHANNELS, activation: 'sigmoid' }));

  autoencoder.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });

  const history = await autoencoder.fit(xTrain, xTrain, { epochs: 50, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const testLoss = autoencoder.evaluate(xTest, xTest).dataSync()[0];
  const errors = autoencoder.predict(xTest).sub(xTest).square().mean(1);
  const worst = errors.max().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} worst test error ${worst.toFixed(3)}`);
}

main();
