'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6303);
const tf = require('@tensorflow/tfjs');

// Waveform classification: 64-sample signals that are a sine, a square or a sawtooth wave with
// random frequency (1.5 to 4 cycles per window), phase and amplitude, plus Gaussian noise (std 0.4).
const LENGTH = 64;
const WAVES = ['sine', 'square', 'sawtooth'];

function wave(kind, phase) {
  const frac = phase - Math.floor(phase);
  if (kind === 0) return Math.sin(2 * Math.PI * frac);
  if (kind === 1) return frac < 0.5 ? 1 : -1;
  return 2 * frac - 1;
}

function makeSet(n) {
  const values = new Float32Array(n * LENGTH);
  const labels = [];
  for (let i = 0; i < n; i++) {
    const kind = rng.int(0, WAVES.length);
    const cycles = rng.uniform(1.5, 4);
    const phase0 = rng.random();
    const amplitude = rng.uniform(0.7, 1.3);
    for (let t = 0; t < LENGTH; t++) {
      values[i * LENGTH + t] = amplitude * wave(kind, phase0 + (cycles * t) / LENGTH) + rng.normal(0, 0.4);
    }
    labels.push(kind);
  }
  const oneHot = labels.map((k) => WAVES.map((_, j) => (j === k ? 1 : 0)));
  return { values, labels, oneHot };
}

async function main() {
  await tf.setBackend('cpu');
  const NTRAIN = 300;
  const NTEST = 200;
  const train = makeSet(NTRAIN);
  const test = makeSet(NTEST);
  const xTrain = tf.tensor3d(train.values, [NTRAIN, LENGTH, 1]);
  const yTrain = tf.tensor2d(train.oneHot, [NTRAIN, WAVES.length]);
  const xTest = tf.tensor3d(test.values, [NTEST, LENGTH, 1]);
  const yTest = tf.tensor2d(test.oneHot, [NTEST, WAVES.length]);

  const model = tf.sequential();
  model.add(tf.layers.conv1d({ filters: 8, kernelSize: 5, activation: 'relu', inputShape: [LENGTH, 1] }));
  model.add(tf.layers.maxPooling1d({ poolSize: 2 }));
  model.add(tf.layers.conv1d({ filters: 16, kernelSize: 5, activation: 'relu' }));
  model.add(tf.layers.globalMaxPooling1d());
  model.add(tf.layers.dense({ units: WAVES.length, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} train acc ${h.acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)} after ${last + 1} epochs`);
}

main();
