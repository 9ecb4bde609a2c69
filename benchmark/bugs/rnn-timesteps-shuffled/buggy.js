'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4461);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Trend detector: a window of SEQ_LEN temperature readings (scaled to 0..1) from a sensor that
// is either warming up (label 1, about 70% of the windows) or cooling down (label 0), with a
// little measurement noise.
// LSTM over the window, sigmoid output, binary cross-entropy.
const SEQ_LEN = 12;
const N_TRAIN = 800;
const N_TEST = 300;

function makeSequence() {
  const warming = rng.random() < 0.7;
  const levels = rng.array(SEQ_LEN, () => rng.uniform(0, 1)).sort((a, b) => a - b);
  if (!warming) levels.reverse();
  const steps = levels.map((v) => [v + rng.normal(0, 0.1)]);
  return { steps, label: warming ? 1 : 0 };
}

function toTensors(samples) {
  return {
    xs: tf.tensor3d(samples.map((s) => s.steps), [samples.length, SEQ_LEN, 1]),
    ys: tf.tensor2d(samples.map((s) => [s.label]), [samples.length, 1]),
  };
}

function makeTrainingSet(n) {
  const samples = rng.array(n, () => makeSequence());
  // mix the samples up so batches are not ordered
  samples.forEach((s) => tf.util.shuffle(s.steps));
  return toTensors(samples);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTrainingSet(N_TRAIN);
  const test = toTensors(rng.array(N_TEST, () => makeSequence()));

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [SEQ_LEN, 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
