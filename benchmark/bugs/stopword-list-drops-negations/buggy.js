'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Restaurant review sentiment with a bag of words. Reviews are a few short sentences: what the
// guests ordered or when they came, and one or two remarks on the food, the service or the place.
// Each review is lower-cased, split into words, stopwords are removed, and the remaining words and
// their bigrams that occur at least twice in the training reviews become multi-hot features for
// a small MLP.
const STOPWORDS = new Set('a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself never no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves'.split(' '));
const ASPECTS = ['food', 'service', 'staff', 'waiter', 'dessert', 'pizza', 'coffee', 'soup'];
const GOOD = ['good', 'great', 'tasty', 'friendly', 'fresh', 'delicious', 'excellent'];
const BAD = ['bad', 'bland', 'rude', 'slow', 'cold', 'greasy', 'awful'];
const NEUTRAL = [
  'we came for dinner on a saturday',
  'we ordered the pasta and a salad',
  'our table was by the window',
  'parking is across the street',
  'we booked a table for four',
  'it was my birthday',
  'we sat outside on the terrace',
];
const N_TRAIN = 800;
const N_TEST = 400;

const pick = (list) => list[rng.int(0, list.length)];

// One remark whose meaning is `positive`; about half of the remarks say it with a negation
// ("the soup was not bland", "we were never disappointed", "the place has no charm").
function remark(positive) {
  const negated = rng.random() < 0.5;
  const goodWord = positive !== negated;
  const negation = pick(['not', 'never']);
  switch (rng.int(0, 4)) {
    case 0:
      return `the ${pick(ASPECTS)} was ${negated ? `${negation} ` : ''}${pick(goodWord ? GOOD : BAD)}`;
    case 1:
      return goodWord ? `we would ${negated ? `${negation} ` : ''}recommend it` : `we were ${negated ? `${negation} ` : ''}disappointed`;
    case 2:
      return goodWord ? `the place has ${negated ? 'no ' : ''}charm` : `there were ${negated ? 'no' : 'some'} ${pick(['problems', 'complaints', 'delays'])}`;
    default:
      return `the ${pick(ASPECTS)} is ${negated ? `${negation} ` : ''}${pick(goodWord ? GOOD : BAD)}`;
  }
}

function makeReviews(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const positive = rng.random() < 0.5;
    const sentences = rng.array(rng.int(1, 3), () => remark(positive));
    for (let k = rng.int(0, 3); k > 0; k--) sentences.splice(rng.int(0, sentences.length + 1), 0, pick(NEUTRAL));
    texts.push(sentences.map((s) => s[0].toUpperCase() + s.slice(1) + '.').join(' '));
    labels.push(positive ? 1 : 0);
  }
  return { texts, labels };
}

function features(text) {
  const words = text.toLowerCase().replace(/[^a-z\s]/g, ' ').split(/\s+/).filter((w) => w && !STOPWORDS.has(w));
  const bigrams = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return [...words, ...bigrams];
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReviews(N_TRAIN);
  const test = makeReviews(N_TEST);
  const counts = new Map();
  for (const text of train.texts) for (const f of features(text)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts.keys()].filter((f) => counts.get(f) >= 2).sort();
  const featureIndex = new Map(vocab.map((f, i) => [f, i]));
  const multiHot = (text) => {
    const row = new Array(vocab.length).fill(0);
    for (const f of features(text)) if (featureIndex.has(f)) row[featureIndex.get(f)] = 1;
    return row;
  };

  const xTrain = tf.tensor2d(train.texts.map(multiHot), [N_TRAIN, vocab.length]);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.texts.map(multiHot), [N_TEST, vocab.length]);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [vocab.length] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`${vocab.length} features | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
