'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(1579);
const tf = require('@tensorflow/tfjs');

// App-store review sentiment: is a short review (8-12 words, padded with 0 to 12) positive?
// A review is positive when it uses more praising than complaining words; the rest are ordinary
// app vocabulary. Model: word embedding -> average over the review -> small dense head.
// The cpu backend is used because embedding gradients need UnsortedSegmentSum.
const PRAISE = 'love great awesome smooth fast helpful perfect excellent easy reliable intuitive beautiful handy useful fantastic brilliant clean amazing solid recommend'.split(' ');
const COMPLAINT = 'crash slow sluggish laggy annoying useless broken terrible awful confusing ugly freezes drains expensive glitchy worst hate clunky frustrating unstable'.split(' ');
const NEUTRAL = 'app update phone screen login account version feature button menu notification battery photo music map chat payment settings download install week today sync widget camera tablet android iphone dark mode'.split(' ');
const VOCAB = [...PRAISE, ...COMPLAINT, ...NEUTRAL];
const MAX_LEN = 12;
const EMBED_DIM = 8;
const N_TRAIN = 800;
const N_TEST = 400;

const wordIndex = new Map(VOCAB.map((w, i) => [w, i + 1]));
const pick = (words) => words[rng.int(0, words.length)];

function makeReviews(n) {
  const seqs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, 2);
    const fewer = rng.int(0, 3);
    const more = rng.int(fewer + 1, 5);
    const [nPraise, nComplaint] = label === 1 ? [more, fewer] : [fewer, more];
    const words = [];
    for (let k = 0; k < nPraise; k++) words.push(pick(PRAISE));
    for (let k = 0; k < nComplaint; k++) words.push(pick(COMPLAINT));
    const length = rng.int(8, MAX_LEN + 1);
    while (words.length < length) words.push(pick(NEUTRAL));
    tf.util.shuffle(words);
    const ids = words.map((w) => wordIndex.get(w));
    seqs.push(ids.concat(new Array(MAX_LEN - ids.length).fill(0)));
    labels.push(label);
  }
  return { seqs, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeReviews(N_TRAIN);
  const test = makeReviews(N_TEST);
  const xTrain = tf.tensor2d(train.seqs, [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.seqs, [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB.length + 1, outputDim: EMBED_DIM, inputLength: MAX_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 6, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
