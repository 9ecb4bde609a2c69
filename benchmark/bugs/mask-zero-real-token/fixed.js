'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5309);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tiny review-sentiment model: short synthetic reviews built from a fixed word list, each with one
// opinion word that may be negated ("the plot was not good"). Words are mapped to integer ids,
// reviews are zero-padded to MAX_LEN, then embedding -> simple RNN -> sigmoid.
// Runs on the cpu backend (the wasm backend has no kernel for the embedding gradient).
const NEGATIONS = ['not'];
const POSITIVE = ['good', 'great', 'fun', 'moving', 'clever'];
const NEGATIVE = ['bad', 'boring', 'awful', 'dull', 'silly'];
const FILLER = ['the', 'movie', 'film', 'was', 'is', 'really', 'quite', 'plot', 'acting', 'and', 'a', 'story', 'very', 'ending', 'cast'];
const VOCAB = [...NEGATIONS, ...POSITIVE, ...NEGATIVE, ...FILLER];
const wordIndex = new Map(VOCAB.map((w, i) => [w, i + 1]));
const MAX_LEN = 8;

function pick(list) {
  return list[rng.int(0, list.length)];
}

function makeReviews(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const positive = rng.random() < 0.5;
    const negated = rng.random() < 0.4;
    const words = rng.array(rng.int(1, 4), () => pick(FILLER));
    if (negated) words.push('not');
    words.push(pick(positive ? POSITIVE : NEGATIVE));
    for (let k = rng.int(0, 3); k > 0; k--) words.push(pick(FILLER));
    const ids = words.map((w) => wordIndex.get(w));
    while (ids.length < MAX_LEN) ids.unshift(0);
    xs.push(ids);
    ys.push([positive !== negated ? 1 : 0]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeReviews(640);
  const test = makeReviews(300);
  const xTrain = tf.tensor2d(train.xs, [640, MAX_LEN], 'int32');
  const yTrain = tf.tensor2d(train.ys, [640, 1]);
  const xTest = tf.tensor2d(test.xs, [300, MAX_LEN], 'int32');
  const yTest = tf.tensor2d(test.ys, [300, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB.length + 1, outputDim: 8, inputLength: MAX_LEN, maskZero: true }));
  model.add(tf.layers.simpleRNN({ units: 16 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.03), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
