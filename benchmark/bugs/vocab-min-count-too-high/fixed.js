'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5207);
const tf = require('@tensorflow/tfjs');

// Route customer-support chat messages to the right queue (billing, shipping, account, returns).
// Messages mix intent words with chit-chat, order numbers and the odd typo, so the vocabulary
// only keeps words seen at least MIN_COUNT times in the training messages; everything else
// shares the out-of-vocabulary id 1 (0 is padding). Each message becomes a padded id sequence,
// embedded, averaged and classified with a softmax. The cpu backend is used because embedding
// gradients need UnsortedSegmentSum.
const QUEUES = ['billing', 'shipping', 'account', 'returns'];
const KEYWORDS = [
  'invoice charged twice refund card payment bill subscription fee price receipt overcharged',
  'delivery package tracking courier shipped arrive late address parcel delayed lost dispatch',
  'password login username email locked reset profile verify signin twofactor settings deleted',
  'return exchange damaged wrong size label defective replace item unwanted broke faulty',
].map((s) => s.split(' '));
const FILLER = 'hi hello i my the is a please can you help with it for thanks and'.split(' ');
const MIN_COUNT = 2;
const OOV = 1;
const MAX_LEN = 14;
const N_TRAIN = 480;
const N_TEST = 240;

const pick = (words) => words[rng.int(0, words.length)];

function makeMessages(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const q = rng.int(0, QUEUES.length);
    const words = [];
    const nKeywords = rng.int(2, 5);
    const nFiller = rng.int(4, 8);
    for (let k = 0; k < nKeywords; k++) words.push(pick(KEYWORDS[q]));
    for (let k = 0; k < nFiller; k++) words.push(pick(FILLER));
    if (rng.random() < 0.4) words.push(`#${rng.int(10000, 100000)}`);
    tf.util.shuffle(words);
    texts.push(words.join(' '));
    labels.push(q);
  }
  return { texts, labels };
}

function buildVocab(texts) {
  const counts = new Map();
  for (const t of texts) for (const w of t.split(' ')) counts.set(w, (counts.get(w) || 0) + 1);
  const kept = [...counts.keys()].filter((w) => counts.get(w) >= MIN_COUNT).sort();
  return new Map(kept.map((w, i) => [w, i + 2]));
}

function encode(text, vocab) {
  const ids = text.split(' ').map((w) => vocab.get(w) ?? OOV);
  while (ids.length < MAX_LEN) ids.push(0);
  return ids.slice(0, MAX_LEN);
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeMessages(N_TRAIN);
  const test = makeMessages(N_TEST);
  const vocab = buildVocab(train.texts);
  const xTrain = tf.tensor2d(train.texts.map((t) => encode(t, vocab)), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), QUEUES.length).toFloat();
  const xTest = tf.tensor2d(test.texts.map((t) => encode(t, vocab)), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), QUEUES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab.size + 2, outputDim: 8, inputLength: MAX_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: QUEUES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.size} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
