'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8153);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sentiment classifier for short product reviews: tokenize, build a word index ordered by word
// frequency (id 0 = padding, id 1 = unknown word, as with the Keras Tokenizer), pad to the
// longest review, one-hot encode the ids and feed the sequences to an LSTM.
const COMMON = ('the a this it i my was is and to for with of but on so very really just after ' +
  'one week day box order arrived phone case charger cable').split(' ');
const POSITIVE = ('great excellent love perfect sturdy fast happy recommend solid amazing ' +
  'works reliable best nice comfortable bright quality fantastic smooth pleased').split(' ');
const NEGATIVE = ('broke awful cheap flimsy slow refund returned useless poor terrible ' +
  'cracked disappointed worst faulty dead leaking noisy waste junk stopped').split(' ');
const N_TRAIN = 1000;
const N_TEST = 400;
const PAD = 0;
const UNKNOWN = 1;

const pick = (words) => words[rng.int(0, words.length)];

function makeReview() {
  const label = rng.int(0, 2);
  const own = label === 1 ? POSITIVE : NEGATIVE;
  const other = label === 1 ? NEGATIVE : POSITIVE;
  const words = rng.array(rng.int(5, 10), () => pick(COMMON));
  for (let k = 0; k < 3; k++) {
    const w = rng.random() < 0.85 ? pick(own) : pick(other);
    words.splice(rng.int(0, words.length + 1), 0, w);
  }
  return { text: words.join(' '), label };
}

function buildWordIndex(texts) {
  const counts = new Map();
  for (const t of texts) for (const w of t.split(' ')) counts.set(w, (counts.get(w) || 0) + 1);
  const byFrequency = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a));
  return new Map(byFrequency.map((w, i) => [w, i + 2]));
}

function encode(text, wordIndex, maxLen) {
  const ids = text.split(' ').map((w) => wordIndex.get(w) ?? UNKNOWN);
  while (ids.length < maxLen) ids.push(PAD);
  return ids;
}

async function main() {
  await tf.setBackend('wasm');

  const train = rng.array(N_TRAIN, makeReview);
  const test = rng.array(N_TEST, makeReview);
  const wordIndex = buildWordIndex(train.map((r) => r.text));
  const maxLen = Math.max(...train.map((r) => r.text.split(' ').length));
  const vocabSize = maxLen + 2; // + padding and unknown ids

  const toTensors = (reviews) => tf.tidy(() => {
    const ids = tf.tensor2d(reviews.map((r) => encode(r.text, wordIndex, maxLen)), [reviews.length, maxLen], 'int32');
    return { xs: tf.oneHot(ids, vocabSize), ys: tf.tensor2d(reviews.map((r) => [r.label]), [reviews.length, 1]) };
  });
  const trainT = toTensors(train);
  const testT = toTensors(test);

  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [maxLen, vocabSize] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(trainT.xs, trainT.ys, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(testT.xs, testT.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
