'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9503);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// App store review classifier: does the reviewer recommend the app? Reviews are tokenized with a
// word index built from the training reviews (0 = padding, 1 = unknown word), padded or cut to one
// common length and fed to an embedding + average pooling model. Most reviews open with some
// context, then mix remarks about features with what the reviewer liked or disliked; a few are
// one-liners.
const N_TRAIN = 600;
const N_TEST = 200;

const OPENERS = ['i got this app last week', 'got it for my phone', 'i got this for my phone last week', 'this is my app for the week'];
const NEUTRAL = ['it has a dark mode', 'the update came out last week', 'sync runs at night', 'it runs on my phone', 'the app has a dark mode'];
const LIKES = ['love it', 'works great', 'so fast', 'very easy', 'worth it'];
const DISLIKES = ['keeps crashing', 'totally broken', 'so slow', 'awful app', 'pure junk'];
const ONE_LINERS = [['love it', 1], ['works great', 1], ['pure junk', 0], ['totally broken', 0]];

function writeReview() {
  if (rng.random() < 0.04) {
    const [text, label] = ONE_LINERS[rng.int(0, ONE_LINERS.length)];
    return { text, label };
  }
  const label = rng.int(0, 2);
  const strong = rng.int(2, 4);
  const weak = rng.int(0, strong - 1);
  const nLikes = label === 1 ? strong : weak;
  const nDislikes = label === 1 ? weak : strong;
  const parts = [];
  for (let i = 0; i < nLikes; i++) parts.push(LIKES[rng.int(0, LIKES.length)]);
  for (let i = 0; i < nDislikes; i++) parts.push(DISLIKES[rng.int(0, DISLIKES.length)]);
  for (let i = rng.int(2, 5); i > 0; i--) parts.push(NEUTRAL[rng.int(0, NEUTRAL.length)]);
  for (let i = parts.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [parts[i], parts[j]] = [parts[j], parts[i]];
  }
  return { text: [OPENERS[rng.int(0, OPENERS.length)], ...parts].join(' '), label };
}

const loadReviews = (n) => Array.from({ length: n }, writeReview);

function buildWordIndex(reviews) {
  const index = new Map();
  for (const r of reviews) {
    for (const w of r.text.split(' ')) if (!index.has(w)) index.set(w, index.size + 2);
  }
  return index;
}

const tokenize = (text, index) => text.split(' ').map((w) => index.get(w) || 1);

function padSequences(seqs, length) {
  return seqs.map((s) => {
    const cut = s.slice(0, length);
    while (cut.length < length) cut.push(0);
    return cut;
  });
}

async function main() {
  await tf.setBackend('cpu');

  const train = loadReviews(N_TRAIN);
  const test = loadReviews(N_TEST);
  const wordIndex = buildWordIndex(train);
  const vocabSize = wordIndex.size + 2;
  const trainSeqs = train.map((r) => tokenize(r.text, wordIndex));
  const testSeqs = test.map((r) => tokenize(r.text, wordIndex));

  // one common length for every review
  const seqLen = Math.min(...trainSeqs.map((s) => s.length));
  const xTrain = tf.tensor2d(padSequences(trainSeqs, seqLen), [N_TRAIN, seqLen], 'int32');
  const yTrain = tf.tensor2d(train.map((r) => [r.label]), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(padSequences(testSeqs, seqLen), [N_TEST, seqLen], 'int32');
  const yTest = tf.tensor2d(test.map((r) => [r.label]), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: 4, inputLength: seqLen }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 8, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocabSize} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
