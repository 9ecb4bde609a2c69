'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6731);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sort marketplace listings into departments from their product titles. Sellers write titles in
// Title Case ("Stainless Steel Chef Knife with Wooden Handle"). The vocabulary is the set of
// words seen at least twice in the training titles; each title becomes a bag of words (term
// frequencies, index 0 for words outside the vocabulary) fed to a small MLP.
const DEPARTMENTS = ['electronics', 'kitchen', 'clothing', 'toys'];
const KEYWORDS = [
  'wireless bluetooth headphones charger usb cable laptop speaker hdmi adapter battery keyboard mouse monitor tablet',
  'stainless steel knife pan skillet cutting board spatula mixing bowl kettle blender whisk cookware ladle',
  'cotton shirt jeans jacket hoodie dress socks sweater slim fit sleeve denim leggings scarf',
  'plush puzzle building blocks doll toddler kids dinosaur educational lego race car board game',
].map((s) => s.split(' '));
const SHARED = 'black blue red white grey large small mini premium classic new set pack deluxe'.split(' ');
const CONNECTORS = ['for', 'with', 'and', 'of', 'in'];
const N_TRAIN = 1200;
const N_TEST = 400;
const MIN_COUNT = 2;

const pick = (words) => words[rng.int(0, words.length)];
const titleCase = (w) => w[0].toUpperCase() + w.slice(1);

function makeListings(n) {
  const titles = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const dept = rng.int(0, DEPARTMENTS.length);
    const words = [pick(SHARED)];
    const nKeywords = rng.int(2, 4);
    for (let k = 0; k < nKeywords; k++) words.push(pick(KEYWORDS[dept]));
    if (rng.random() < 0.7) words.push(pick(CONNECTORS), pick(SHARED), pick(rng.random() < 0.6 ? KEYWORDS[dept] : SHARED));
    titles.push(words.map((w) => (CONNECTORS.includes(w) ? w : titleCase(w))).join(' '));
    labels.push(dept);
  }
  return { titles, labels };
}

function buildVocab(titles) {
  const counts = new Map();
  for (const title of titles) for (const w of title.toLowerCase().split(/\s+/)) counts.set(w, (counts.get(w) || 0) + 1);
  const words = [...counts.keys()].filter((w) => counts.get(w) >= MIN_COUNT).sort();
  return new Map(words.map((w, i) => [w, i + 1]));
}

function encode(title, vocab) {
  const tokens = title.toLowerCase().split(/\s+/);
  const bag = new Array(vocab.size + 1).fill(0);
  for (const w of tokens) bag[vocab.get(w) ?? 0] += 1 / tokens.length;
  return bag;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(N_TRAIN);
  const test = makeListings(N_TEST);
  const vocab = buildVocab(train.titles);
  const xTrain = tf.tensor2d(train.titles.map((t) => encode(t, vocab)), [N_TRAIN, vocab.size + 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), DEPARTMENTS.length).toFloat();
  const xTest = tf.tensor2d(test.titles.map((t) => encode(t, vocab)), [N_TEST, vocab.size + 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), DEPARTMENTS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [vocab.size + 1] }));
  model.add(tf.layers.dense({ units: DEPARTMENTS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.size} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
