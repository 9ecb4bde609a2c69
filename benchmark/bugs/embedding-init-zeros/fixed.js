'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7356);
const tf = require('@tensorflow/tfjs');

// Route news headlines to the sports, business, technology or politics desk. A headline is a
// handful of words: topic words of its section mixed with general news words. Word ids come
// from the training headlines (0 is padding), headlines are padded to MAX_LEN, embedded,
// averaged over the words and classified by a small MLP. The cpu backend is used because
// embedding gradients need UnsortedSegmentSum.
const SECTIONS = ['sports', 'business', 'technology', 'politics'];
const TOPIC_WORDS = [
  'match goal coach league striker cup injury playoff',
  'shares profit market bank stocks merger earnings inflation',
  'software chip smartphone app cloud robot hackers device',
  'election minister vote senate parliament campaign party reform',
].map((s) => s.split(' '));
const GENERAL = 'new after over in on for with record big first says amid plans deal'.split(' ');
const MAX_LEN = 10;
const EMBED_DIM = 8;
const N_TRAIN = 600;
const N_TEST = 300;

const pick = (words) => words[rng.int(0, words.length)];

function makeHeadlines(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const section = rng.int(0, SECTIONS.length);
    const len = rng.int(4, MAX_LEN + 1);
    const words = rng.array(len, () => (rng.random() < 0.45 ? pick(TOPIC_WORDS[section]) : pick(GENERAL)));
    texts.push(words);
    labels.push(section);
  }
  return { texts, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeHeadlines(N_TRAIN);
  const test = makeHeadlines(N_TEST);
  const vocab = [...new Set(train.texts.flat())].sort();
  const wordIndex = new Map(vocab.map((w, i) => [w, i + 1]));
  const VOCAB_SIZE = vocab.length + 1;
  const encode = (words) => {
    const ids = words.map((w) => wordIndex.get(w) ?? 0);
    return new Array(MAX_LEN - ids.length).fill(0).concat(ids);
  };

  const xTrain = tf.tensor2d(train.texts.map(encode), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), SECTIONS.length).toFloat();
  const xTest = tf.tensor2d(test.texts.map(encode), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), SECTIONS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB_SIZE, outputDim: EMBED_DIM, inputLength: MAX_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: SECTIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 8, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.length} words | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
