'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2786);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Motif finder for short DNA reads: a read (6 to 12 bases) is positive when it contains the
// binding site G-A-T. Bases are one-hot encoded (A, C, G, T) and every read is padded with
// all-zero vectors to a fixed length of 24 so the reads can be batched. An LSTM reads the padded
// sequence and a sigmoid unit gives the probability that the site is present.
const BASES = ['A', 'C', 'G', 'T'];
const MAX_LEN = 24;
const N_TRAIN = 400;
const N_TEST = 300;

function hasSite(read) {
  for (let i = 0; i + 2 < read.length; i++) {
    if (read[i] === 'G' && read[i + 1] === 'A' && read[i + 2] === 'T') return true;
  }
  return false;
}

function makeRead(positive) {
  const len = rng.int(6, 13);
  let read;
  do {
    read = rng.array(len, () => BASES[rng.int(0, 4)]);
    if (positive) {
      const p = rng.int(0, len - 2);
      read[p] = 'G';
      read[p + 1] = 'A';
      read[p + 2] = 'T';
    }
  } while (hasSite(read) !== positive);
  return read;
}

function encode(read) {
  const oneHot = read.map((b) => BASES.map((x) => (x === b ? 1 : 0)));
  const padding = rng.array(MAX_LEN - read.length, () => [0, 0, 0, 0]);
  return padding.concat(oneHot);
}

function makeSet(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const positive = rng.random() < 0.5;
    xs.push(encode(makeRead(positive)));
    ys.push([positive ? 1 : 0]);
  }
  return { xs: tf.tensor3d(xs, [n, MAX_LEN, BASES.length]), ys: tf.tensor2d(ys, [n, 1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSet(N_TRAIN);
  const test = makeSet(N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [MAX_LEN, BASES.length] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
