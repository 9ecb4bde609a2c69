'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7368);
const tf = require('@tensorflow/tfjs');

// Tag IT helpdesk tickets by category from their text ("printer jammed again on pc-4821 please
// check inc204117"). Tickets mention asset tags and incident numbers, so the raw vocabulary has a
// long tail; only the MAX_VOCAB most frequent training words get their own id (0 is padding,
// 1 is out-of-vocabulary). Each ticket becomes a padded id sequence, embedded, averaged and
// classified with a softmax. The cpu backend is used because embedding gradients need
// UnsortedSegmentSum.
const CATEGORIES = ['network', 'printer', 'email', 'hardware'];
const KEYWORDS = [
  'wifi vpn internet connection router disconnects network cable slow dns',
  'printer toner paper jammed print scanner tray queue cartridge offline',
  'outlook email inbox mailbox attachment calendar spam signature sync meeting',
  'laptop monitor keyboard mouse dock charger screen fan overheating broken',
].map((s) => s.split(' '));
const FILLER = 'my the on is not working again please help since today can someone check it'.split(' ');
const MAX_VOCAB = 100;
const OOV = 1;
const MAX_LEN = 12;
const N_TRAIN = 600;
const N_TEST = 300;

const pick = (words) => words[rng.int(0, words.length)];

function makeTickets(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const cat = rng.int(0, CATEGORIES.length);
    const words = [`pc-${rng.int(1000, 10000)}`];
    if (rng.random() < 0.5) words.push(`inc${rng.int(100000, 1000000)}`);
    const nKeywords = rng.int(2, 5);
    const nFiller = rng.int(3, 6);
    for (let k = 0; k < nKeywords; k++) words.push(pick(KEYWORDS[cat]));
    for (let k = 0; k < nFiller; k++) words.push(pick(FILLER));
    tf.util.shuffle(words);
    texts.push(words.join(' '));
    labels.push(cat);
  }
  return { texts, labels };
}

function buildVocab(texts) {
  const counts = {};
  for (const t of texts) for (const w of t.split(' ')) counts[w] = (counts[w] || 0) + 1;
  const kept = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, MAX_VOCAB);
  return new Map(kept.map(([w], i) => [w, i + 2]));
}

function encode(text, vocab) {
  const ids = text.split(' ').map((w) => vocab.get(w) ?? OOV);
  while (ids.length < MAX_LEN) ids.push(0);
  return ids.slice(0, MAX_LEN);
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeTickets(N_TRAIN);
  const test = makeTickets(N_TEST);
  const vocab = buildVocab(train.texts);
  const xTrain = tf.tensor2d(train.texts.map((t) => encode(t, vocab)), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CATEGORIES.length).toFloat();
  const xTest = tf.tensor2d(test.texts.map((t) => encode(t, vocab)), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CATEGORIES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: MAX_VOCAB + 2, outputDim: 8, inputLength: MAX_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: CATEGORIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
