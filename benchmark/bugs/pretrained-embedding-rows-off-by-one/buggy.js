'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9643);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Hotel review sentiment with frozen pretrained word vectors. The vectors come as a GloVe-style
// text file ("word v1 v2 ... v32" per line); the reviews are tokenized Keras-style (words numbered
// by frequency from 1, 0 is padding, unseen words dropped), an embedding matrix is filled from the
// file and loaded into a frozen Embedding layer, and a small head on the averaged word vectors
// predicts whether the review is positive.
const EMBED_DIM = 32;
const NUM_WORDS = 900;
const MAX_LEN = 24;
const N_TRAIN = 1500;
const N_TEST = 500;

// --- the pretrained vectors file (stands in for the downloaded glove.txt) ---
const SYLLABLES = 'ka lo mi ne ru sa ti vo be da fe gu hi jo ke la mo nu pe ri so tu wa ze'.split(' ');
function makeWord(seen) {
  for (;;) {
    const len = rng.int(2, 4);
    let w = '';
    for (let k = 0; k < len; k++) w += SYLLABLES[rng.int(0, SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      return w;
    }
  }
}
const seen = new Set();
const WORDS = rng.array(NUM_WORDS, () => makeWord(seen));
// polarity of each word: about one in six praises, one in six complains, the rest are neutral
const POLARITY = WORDS.map(() => {
  const u = rng.random();
  return u < 1 / 6 ? 1 : u < 1 / 3 ? -1 : 0;
});
const sentimentAxis = rng.array(EMBED_DIM, () => rng.normal(0, 1));
const axisNorm = Math.hypot(...sentimentAxis);
const gloveTxt = WORDS.map((w, i) => {
  const v = rng.array(EMBED_DIM, (d) => 0.3 * rng.normal(0, 1) + 0.8 * POLARITY[i] * sentimentAxis[d] / axisNorm);
  return `${w} ${v.map((x) => x.toFixed(5)).join(' ')}`;
}).join('\n');

// --- reviews ---
const PRAISE = WORDS.filter((w, i) => POLARITY[i] === 1);
const COMPLAINT = WORDS.filter((w, i) => POLARITY[i] === -1);
const NEUTRAL = WORDS.filter((w, i) => POLARITY[i] === 0);
// common neutral words are much more frequent than rare ones
const pickNeutral = () => NEUTRAL[Math.floor(NEUTRAL.length * Math.pow(rng.random(), 2))];
const pick = (words) => words[rng.int(0, words.length)];

function writeReviews(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, 2);
    const fewer = rng.int(0, 3);
    const more = rng.int(fewer + 1, 6);
    const [nPraise, nComplaint] = label === 1 ? [more, fewer] : [fewer, more];
    const words = [];
    for (let k = 0; k < nPraise; k++) words.push(pick(PRAISE));
    for (let k = 0; k < nComplaint; k++) words.push(pick(COMPLAINT));
    const length = rng.int(12, MAX_LEN + 1);
    while (words.length < length) words.push(pickNeutral());
    tf.util.shuffle(words);
    texts.push(words.join(' '));
    labels.push(label);
  }
  return { texts, labels };
}

function fitTokenizer(texts) {
  const counts = new Map();
  for (const text of texts) for (const w of text.split(' ')) counts.set(w, (counts.get(w) || 0) + 1);
  const byFrequency = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a));
  return new Map(byFrequency.map((w, i) => [w, i + 1]));
}

function textsToPadded(texts, wordIndex) {
  return texts.map((text) => {
    const ids = text.split(' ').filter((w) => wordIndex.has(w)).map((w) => wordIndex.get(w)).slice(0, MAX_LEN);
    return ids.concat(new Array(MAX_LEN - ids.length).fill(0));
  });
}

function loadVectors(text) {
  const vectors = new Map();
  for (const line of text.split('\n')) {
    const [word, ...values] = line.split(' ');
    vectors.set(word, values.map(Number));
  }
  return vectors;
}

async function main() {
  await tf.setBackend('wasm');

  const train = writeReviews(N_TRAIN);
  const test = writeReviews(N_TEST);
  const wordIndex = fitTokenizer(train.texts);
  const vocabSize = wordIndex.size + 1;

  const vectors = loadVectors(gloveTxt);
  const matrix = Array.from({ length: vocabSize }, () => new Array(EMBED_DIM).fill(0));
  for (const [word, index] of wordIndex) {
    const vector = vectors.get(word);
    if (vector) matrix[index - 1] = vector;
  }

  const xTrain = tf.tensor2d(textsToPadded(train.texts, wordIndex), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(textsToPadded(test.texts, wordIndex), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({
    inputDim: vocabSize,
    outputDim: EMBED_DIM,
    inputLength: MAX_LEN,
    weights: [tf.tensor2d(matrix, [vocabSize, EMBED_DIM])],
    trainable: false,
  }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocabSize - 1} words | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
