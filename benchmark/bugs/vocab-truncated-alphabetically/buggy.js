'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9531);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Product review sentiment (1 = positive, 0 = negative) from the review text.
// Reviews are tokenized, a vocabulary of the MAX_VOCAB most common training words is built,
// every review becomes a binary bag-of-words vector (slot 0 = unknown words) and a small MLP
// classifies it. Reviews from the following month are the held-out set.
const N_TRAIN = 2000;
const N_TEST = 800;
const MAX_VOCAB = 1000;

const pick = (arr) => arr[rng.int(0, arr.length)];
const NOUNS = ['blender', 'charger', 'kettle', 'lamp', 'backpack', 'cable', 'mug', 'speaker', 'bottle', 'chair', 'toaster', 'mouse', 'keyboard', 'fan'];
const PEOPLE = ['son', 'daughter', 'wife', 'husband', 'mom', 'dad', 'office', 'dorm'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ze', 'tor', 'vex', 'qua', 'bri', 'dan', 'fel', 'gro', 'hu', 'ja', 'nix', 'pol', 'ru', 'sa', 'ti', 'wen', 'yo', 'cor', 'ex', 'ix', 'um'];
const BRANDS = Array.from({ length: 900 }, () => pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES));

const OPENERS = [
  () => `bought this ${pick(NOUNS)} for my ${pick(PEOPLE)}`,
  () => `ordered the ${pick(BRANDS)} ${pick(NOUNS)} last month`,
  () => `got the ${pick(BRANDS)} ${pick(NOUNS)} as a gift`,
  () => `i use this ${pick(NOUNS)} in the kitchen every day`,
  () => `this is my second ${pick(BRANDS)} ${pick(NOUNS)}`,
];
const NEUTRAL = [
  () => `arrived in ${rng.int(2, 10)} days`,
  () => `order number ${rng.int(10000, 99999)}`,
  () => `paid ${rng.int(9, 80)}.${rng.int(10, 99)} on sale`,
  () => `came in a plain box`,
  () => `compared it with the ${pick(BRANDS)} one`,
  () => `model ${pick(BRANDS)}${rng.int(100, 999)}`,
];
const POSITIVE = ['works well', 'really solid and sturdy', 'would recommend it', 'perfect for the price', 'quiet and smooth', 'superb quality', 'worth the money', 'very pleased with it', 'reliable so far', 'nicely made'];
const NEGATIVE = ['stopped working within weeks', 'poor quality', 'total waste of money', 'returned it for a refund', 'worst purchase this year', 'support was rude', 'useless and noisy', 'rattles and leaks', 'the strap snapped', 'paint is peeling'];

function writeReviews(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const positive = rng.random() < 0.5;
    const parts = [pick(OPENERS)()];
    const nSentiment = rng.int(1, 3);
    for (let s = 0; s < nSentiment; s++) {
      // mixed reviews: some sentences go against the star rating
      const agrees = rng.random() < 0.85;
      parts.push(pick(positive === agrees ? POSITIVE : NEGATIVE));
    }
    const nNeutral = rng.int(1, 4);
    for (let s = 0; s < nNeutral; s++) parts.splice(rng.int(0, parts.length + 1), 0, pick(NEUTRAL)());
    texts.push(parts.join('. ') + '.');
    labels.push(positive ? 1 : 0);
  }
  return { texts, labels };
}

const tokenize = (text) => text.toLowerCase().split(/[^a-z0-9']+/).filter((t) => t.length > 0);

function buildVocab(texts) {
  const counts = {};
  for (const text of texts) {
    for (const token of tokenize(text)) counts[token] = (counts[token] || 0) + 1;
  }
  const words = Object.keys(counts).sort().slice(0, MAX_VOCAB);
  const index = new Map();
  words.forEach((w, i) => index.set(w, i + 1)); // 0 is reserved for unknown words
  return index;
}

function vectorize(texts, vocab) {
  const width = MAX_VOCAB + 1;
  const data = new Float32Array(texts.length * width);
  texts.forEach((text, i) => {
    for (const token of tokenize(text)) data[i * width + (vocab.get(token) || 0)] = 1;
  });
  return tf.tensor2d(data, [texts.length, width]);
}

async function main() {
  await tf.setBackend('wasm');

  const train = writeReviews(N_TRAIN);
  const test = writeReviews(N_TEST);
  const vocab = buildVocab(train.texts);
  const xTrain = vectorize(train.texts, vocab);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = vectorize(test.texts, vocab);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [MAX_VOCAB + 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
