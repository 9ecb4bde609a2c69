'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4451);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Stripe-orientation classifier on 10x10 grayscale patches: horizontal, vertical or diagonal
// stripes with random period and phase, plus pixel noise. One small conv block, then a dense head.
const SIZE = 10;
const CLASSES = ['horizontal', 'vertical', 'diagonal'];
const N_TRAIN = 400;
const N_TEST = 120;

function makePatches(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const period = rng.int(3, 6);
    const phase = rng.int(0, period);
    for (let r = 0; r < SIZE; r++) {
      for (let col = 0; col < SIZE; col++) {
        const k = c === 0 ? r : c === 1 ? col : r + col;
        const on = (k + phase) % period < period / 2 ? 1 : 0;
        pixels.push(Math.min(1, Math.max(0, on * 0.8 + 0.1 + rng.normal(0, 0.15))));
      }
    }
    labels.push(c);
  }
  return {
    xs: tf.tensor4d(pixels, [n, SIZE, SIZE, 1]),
    ys: tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES.length).toFloat(),
  };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makePatches(N_TRAIN);
  const test = makePatches(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 20, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
