'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4419);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Triage app-store reviews into bug reports, feature requests and praise so each goes to the
// right team. Reviews are short free text with the usual punctuation ("App crashes after the
// update, please fix!!"). The tokenizer lowercases and splits the text into words; the vocabulary
// keeps tokens seen at least twice in the training reviews and each review becomes a bag of
// words (term frequencies, index 0 for tokens outside the vocabulary) fed to a small MLP.
const CLASSES = ['bug', 'feature', 'praise'];
const KEYWORDS = [
  'crash crashes freezes bug error broken fails stuck glitch lag blank unresponsive logout',
  'add option wish feature support export dark mode widget sync offline shortcut integration',
  'love great awesome excellent smooth perfect amazing helpful beautiful fantastic best intuitive',
].map((s) => s.split(' '));
const FILLER = 'the app this it when i my and to on after update since every time really just is so'.split(' ');
const ENDINGS = ['.', '!', '!!', '...', '?', ' :)', ''];
const N_TRAIN = 1200;
const N_TEST = 400;
const MIN_COUNT = 2;

const pick = (words) => words[rng.int(0, words.length)];

function makeReviews(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    const nClauses = rng.int(1, 4);
    const clauses = [];
    for (let k = 0; k < nClauses; k++) {
      const words = [];
      const nWords = rng.int(3, 7);
      for (let w = 0; w < nWords; w++) words.push(rng.random() < 0.4 ? pick(KEYWORDS[c]) : pick(FILLER));
      if (rng.random() < 0.5) words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      clauses.push(words.join(' '));
    }
    texts.push(clauses.join(rng.random() < 0.5 ? ', ' : '. ') + pick(ENDINGS));
    labels.push(c);
  }
  return { texts, labels };
}

const tokenize = (text) => text.toLowerCase().split(/\W+/).filter((t) => t.length > 0);

function buildVocab(texts) {
  const counts = new Map();
  for (const text of texts) for (const t of tokenize(text)) counts.set(t, (counts.get(t) || 0) + 1);
  const tokens = [...counts.keys()].filter((t) => counts.get(t) >= MIN_COUNT).sort();
  return new Map(tokens.map((t, i) => [t, i + 1]));
}

function encode(text, vocab) {
  const tokens = tokenize(text);
  const bag = new Array(vocab.size + 1).fill(0);
  for (const t of tokens) bag[vocab.get(t) ?? 0] += 1 / tokens.length;
  return bag;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReviews(N_TRAIN);
  const test = makeReviews(N_TEST);
  const vocab = buildVocab(train.texts);
  const xTrain = tf.tensor2d(train.texts.map((t) => encode(t, vocab)), [N_TRAIN, vocab.size + 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.texts.map((t) => encode(t, vocab)), [N_TEST, vocab.size + 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [vocab.size + 1] }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.size} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
