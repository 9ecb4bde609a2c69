'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9524);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Part-of-speech tagger for short sentences from a children's reading app. Every word gets one
// of five tags; words like "watch", "book" or "fly" are nouns after a determiner or adjective
// and verbs after a noun, so the tagger has to look at the words before. Sentences are encoded
// as word ids (0 is padding), embedded and read by an LSTM that emits one tag distribution per
// position. The cpu backend is used because embedding gradients need UnsortedSegmentSum.
const TAGS = ['<pad>', 'DET', 'ADJ', 'NOUN', 'VERB', 'ADV'];
const WORDS = {
  DET: 'the a this every my'.split(' '),
  ADJ: 'small red old quick big new happy'.split(' '),
  NOUN: 'dog cat man kid bird girl teacher'.split(' '),
  VERB: 'sees likes eats finds reads'.split(' '),
  ADV: 'today again slowly'.split(' '),
};
const AMBIGUOUS = 'watch book light run fly'.split(' ');
const MAX_LEN = 10;
const N_TRAIN = 384;
const N_TEST = 200;

const pick = (words) => words[rng.int(0, words.length)];

function nounPhrase(words, tags) {
  words.push(pick(WORDS.DET));
  tags.push('DET');
  const nAdj = rng.int(0, 2);
  for (let k = 0; k < nAdj; k++) {
    words.push(pick(WORDS.ADJ));
    tags.push('ADJ');
  }
  words.push(rng.random() < 0.35 ? pick(AMBIGUOUS) : pick(WORDS.NOUN));
  tags.push('NOUN');
}

function makeSentences(n) {
  const sentences = [];
  for (let i = 0; i < n; i++) {
    const words = [];
    const tags = [];
    nounPhrase(words, tags);
    words.push(rng.random() < 0.4 ? pick(AMBIGUOUS) : pick(WORDS.VERB));
    tags.push('VERB');
    if (rng.random() < 0.6) nounPhrase(words, tags);
    if (rng.random() < 0.3) {
      words.push(pick(WORDS.ADV));
      tags.push('ADV');
    }
    sentences.push({ words, tags });
  }
  return sentences;
}

// left-pad so the LSTM's last steps are always real words
function padIds(ids) {
  return new Array(MAX_LEN - ids.length).fill(0).concat(ids);
}

function encodeTags(tags) {
  const rows = [];
  for (let t = 0; t < MAX_LEN; t++) rows.push(new Array(TAGS.length).fill(0));
  tags.forEach((tag, i) => {
    rows[MAX_LEN - tags.length + i][TAGS.indexOf(tag)] = 1;
  });
  rows.forEach((row) => {
    if (row.every((v) => v === 0)) row[0] = 1;
  });
  return rows;
}

// share of real (non-padding) words whose predicted tag is right
function wordAccuracy(model, x, y) {
  return tf.tidy(() => {
    const pred = model.predict(x).argMax(-1);
    const truth = y.argMax(-1);
    const isWord = truth.notEqual(0).toFloat();
    return pred.equal(truth).toFloat().mul(isWord).sum().div(isWord.sum()).dataSync()[0];
  });
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeSentences(N_TRAIN);
  const test = makeSentences(N_TEST);
  const vocab = [...new Set(train.flatMap((s) => s.words))].sort();
  const wordIndex = new Map(vocab.map((w, i) => [w, i + 1]));
  const encodeWords = (words) => padIds(words.map((w) => wordIndex.get(w) ?? 0));

  const xTrain = tf.tensor2d(train.map((s) => encodeWords(s.words)), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.tensor3d(train.map((s) => encodeTags(s.tags)), [N_TRAIN, MAX_LEN, TAGS.length]);
  const xTest = tf.tensor2d(test.map((s) => encodeWords(s.words)), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.tensor3d(test.map((s) => encodeTags(s.tags)), [N_TEST, MAX_LEN, TAGS.length]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab.length + 1, outputDim: 16, inputLength: MAX_LEN }));
  model.add(tf.layers.lstm({ units: 16, returnSequences: true }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: TAGS.length, activation: 'softmax' }) }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 8, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const trainWordAcc = wordAccuracy(model, xTrain, yTrain);
  const testWordAcc = wordAccuracy(model, xTest, yTest);
  console.log(`vocab ${vocab.length} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} word acc ${trainWordAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test word acc ${testWordAcc.toFixed(3)}`);
}

main();
