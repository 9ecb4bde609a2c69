'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6093);
const tf = require('@tensorflow/tfjs');

// Short movie-review sentiment. The training reviews come from a dataset that ships them already
// tokenized: each word is stored as its line number in the dataset's vocab.txt, and reviews are
// padded with 0 to 12 tokens. The held-out reviews are new raw texts that we tokenize ourselves
// with the same vocab.txt. A review is positive when it has more positive than negative words.
// Model: embedding -> average over tokens -> small dense head.
const VOCAB = [
  'acting', 'amazing', 'awful', 'beautiful', 'boring', 'brilliant', 'camera', 'charming', 'director',
  'dull', 'ending', 'excellent', 'film', 'great', 'horrible', 'loved', 'mediocre', 'movie', 'music',
  'plot', 'poor', 'scene', 'script', 'story', 'terrible', 'weak', 'wonderful', 'worst',
];
const POSITIVE = ['amazing', 'beautiful', 'brilliant', 'charming', 'excellent', 'great', 'loved', 'wonderful'];
const NEGATIVE = ['awful', 'boring', 'dull', 'horrible', 'mediocre', 'poor', 'terrible', 'weak', 'worst'];
const NEUTRAL = VOCAB.filter((w) => !POSITIVE.includes(w) && !NEGATIVE.includes(w));
const SEQ_LEN = 12;
const N_TRAIN = 800;
const N_TEST = 300;

const pick = (words) => words[rng.int(0, words.length)];

function sampleReview() {
  const length = rng.int(6, SEQ_LEN + 1);
  const label = rng.int(0, 2);
  const fewer = rng.int(0, 3);
  const more = rng.int(fewer + 1, 5);
  const [nPos, nNeg] = label === 1 ? [more, fewer] : [fewer, more];
  const words = [];
  for (let i = 0; i < nPos; i++) words.push(pick(POSITIVE));
  for (let i = 0; i < nNeg; i++) words.push(pick(NEGATIVE));
  while (words.length < length) words.push(pick(NEUTRAL));
  for (let i = words.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [words[i], words[j]] = [words[j], words[i]];
  }
  return { words, label };
}

const padTo = (ids) => ids.concat(new Array(SEQ_LEN - ids.length).fill(0));

// The dataset's pre-tokenized training split.
function loadTrainingSplit(n) {
  const seqs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const { words, label } = sampleReview();
    seqs.push(padTo(words.map((w) => VOCAB.indexOf(w) + 1)));
    labels.push(label);
  }
  return { seqs, labels };
}

// New raw reviews collected for evaluation.
function collectNewReviews(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const { words, label } = sampleReview();
    texts.push(words.join(' '));
    labels.push(label);
  }
  return { texts, labels };
}

const wordIndex = new Map(VOCAB.map((word, i) => [word, i]));
const tokenize = (text) => padTo(text.toLowerCase().split(/\s+/).map((w) => wordIndex.get(w)));

async function main() {
  await tf.setBackend('cpu');

  const train = loadTrainingSplit(N_TRAIN);
  const heldOut = collectNewReviews(N_TEST);
  const testSeqs = heldOut.texts.map(tokenize);

  const xTrain = tf.tensor2d(train.seqs, [N_TRAIN, SEQ_LEN]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(testSeqs, [N_TEST, SEQ_LEN]);
  const yTest = tf.tensor2d(heldOut.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB.length + 1, outputDim: 8, inputLength: SEQ_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
