'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2953);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Language identification for single lowercase words (4 to 8 letters) from three languages,
// each with its own letter frequencies. Characters are one-hot encoded (26 letters plus the
// padding id 0), words are padded at the end to MAX_LEN, and an LSTM reads the sequence.
const LANGUAGES = ['lang-a', 'lang-b', 'lang-c'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const MAX_LEN = 8;
const VOCAB = 27;
const N_TRAIN = 900;
const N_TEST = 300;

const letterWeights = LANGUAGES.map(() => rng.array(LETTERS.length, () => rng.random() ** 3));

function sampleLetter(weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rng.uniform(0, total);
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k];
    if (u <= 0) return LETTERS[k];
  }
  return LETTERS[weights.length - 1];
}

function makeWords(n) {
  const words = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const lang = rng.int(0, LANGUAGES.length);
    words.push(rng.array(rng.int(4, MAX_LEN + 1), () => sampleLetter(letterWeights[lang])).join(''));
    labels.push(lang);
  }
  return { words, labels };
}

function encodeWord(word) {
  const codes = [...word].map((c) => c.charCodeAt(0) - 96);
  while (codes.length < MAX_LEN) codes.push(0);
  return codes;
}

function toTensors({ words, labels }) {
  const ids = tf.tensor2d(words.map(encodeWord), [words.length, MAX_LEN], 'int32');
  const xs = tf.oneHot(ids, VOCAB);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), LANGUAGES.length).toFloat();
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toTensors(makeWords(N_TRAIN));
  const test = toTensors(makeWords(N_TEST));

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 20, inputShape: [MAX_LEN, VOCAB] }));
  model.add(tf.layers.dense({ units: LANGUAGES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
