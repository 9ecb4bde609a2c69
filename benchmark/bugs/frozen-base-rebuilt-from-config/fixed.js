'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9529);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Transfer learning for vibration diagnostics. A feature extractor is pretrained on a large
// labelled log from the old gearbox line (which of 16 fault signatures a 16-channel spectrum
// shows). The new line has its own 4 fault categories, each a group of the same signatures,
// but only a few hundred labelled spectra. The target model reuses the pretrained base layers,
// frozen, under a new softmax head.
const NUM_CHANNELS = 16;
const NUM_SIGNATURES = 16;
const NUM_CATEGORIES = 4;
const N_SOURCE = 6000;
const N_TARGET = 100;
const N_TEST = 1000;

// each fault signature has its own response pattern over the channels; the spectrum is the
// signature response passed through the sensor's saturating amplifier plus noise
const signatureMix = rng.array(NUM_SIGNATURES, () => rng.array(NUM_CHANNELS, () => rng.normal(0, 1)));
const categoryOf = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];

function recordSpectra(n) {
  const xs = [];
  const signatures = [];
  for (let i = 0; i < n; i++) {
    const s = rng.int(0, NUM_SIGNATURES);
    const amplitude = rng.uniform(0.5, 2);
    xs.push(signatureMix[s].map((m) => Math.tanh(amplitude * m) + rng.normal(0, 0.55)));
    signatures.push(s);
  }
  return { xs, signatures, categories: signatures.map((s) => categoryOf[s]) };
}

async function main() {
  await tf.setBackend('wasm');

  // Step 1: pretrain the base on the old line's signatures.
  const source = recordSpectra(N_SOURCE);
  const xSource = tf.tensor2d(source.xs, [N_SOURCE, NUM_CHANNELS]);
  const ySource = tf.oneHot(tf.tensor1d(source.signatures, 'int32'), NUM_SIGNATURES);
  const base = tf.sequential();
  base.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_CHANNELS] }));
  base.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  const pretrain = tf.sequential();
  pretrain.add(base);
  pretrain.add(tf.layers.dense({ units: NUM_SIGNATURES, activation: 'softmax' }));
  pretrain.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const pre = await pretrain.fit(xSource, ySource, { epochs: 10, batchSize: 64, shuffle: true, verbose: 0 });
  const preAcc = pre.history.acc[pre.history.acc.length - 1];

  // Step 2: the new line's small labelled set and a held-out test set.
  const target = recordSpectra(N_TARGET);
  const test = recordSpectra(N_TEST);
  const xTarget = tf.tensor2d(target.xs, [N_TARGET, NUM_CHANNELS]);
  const yTarget = tf.oneHot(tf.tensor1d(target.categories, 'int32'), NUM_CATEGORIES);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_CHANNELS]);
  const yTest = tf.oneHot(tf.tensor1d(test.categories, 'int32'), NUM_CATEGORIES);

  // the pretrained base layers, frozen, under a new head for the 4 categories
  const model = tf.sequential();
  for (const layer of base.layers) {
    const frozen = layer;
    frozen.trainable = false;
    model.add(frozen);
  }
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CATEGORIES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTarget, yTarget, { epochs: 60, batchSize: 16, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`pretrain acc ${preAcc.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
