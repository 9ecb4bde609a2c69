'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9648);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sort incoming wire-service articles into the newsroom's five desks. Each desk has its own
// word distribution over a shared vocabulary (a handful of desk keywords it uses a lot, the
// general news vocabulary it shares with the other desks, and function words everyone uses).
// Articles are turned into log-scaled TF-IDF vectors by hand and classified with a small MLP.
const DESKS = ['politics', 'business', 'sport', 'science', 'culture'];
const N_TRAIN = 900;
const N_TEST = 300;
const KEYWORDS_PER_DESK = 30;
const GENERAL_WORDS = 150;
const FUNCTION_WORDS = 20;

const functionWords = rng.array(FUNCTION_WORDS, (i) => `fw${i}`);
const generalWords = rng.array(GENERAL_WORDS, (i) => `gen${i}`);
const deskWords = DESKS.map((d) => rng.array(KEYWORDS_PER_DESK, (i) => `${d}${i}`));

// Zipf-like weights inside each word group: a few words carry most of the mass.
const zipf = (n) => rng.array(n, (i) => 1 / (i + 1));
function sampler(words, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let u = rng.random() * total;
    for (let i = 0; i < words.length; i++) {
      u -= weights[i];
      if (u <= 0) return words[i];
    }
    return words[words.length - 1];
  };
}
const drawFunction = sampler(functionWords, zipf(FUNCTION_WORDS));
const drawGeneral = sampler(generalWords, zipf(GENERAL_WORDS));
const drawDesk = deskWords.map((words) => sampler(words, zipf(KEYWORDS_PER_DESK)));

function fetchArticles(n) {
  const docs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const desk = rng.int(0, DESKS.length);
    const length = rng.int(40, 120);
    const words = [];
    for (let k = 0; k < length; k++) {
      const u = rng.random();
      if (u < 0.4) words.push(drawFunction());
      else if (u < 0.8) words.push(drawGeneral());
      else if (u < 0.93) words.push(drawDesk[desk]());
      else words.push(drawDesk[rng.int(0, DESKS.length)]());
    }
    docs.push(words);
    labels.push(desk);
  }
  return { docs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = fetchArticles(N_TRAIN);
  const test = fetchArticles(N_TEST);

  // Vocabulary and document frequencies from the training articles (smoothed idf).
  const vocab = [...new Set(train.docs.flat())].sort();
  const index = new Map(vocab.map((w, j) => [w, j]));
  const df = new Array(vocab.length).fill(0);
  for (const doc of train.docs) for (const w of new Set(doc)) df[index.get(w)] += 1;
  const idf = df.map((d) => Math.log((1 + N_TRAIN) / (1 + d)) + 1);

  // Sublinear term frequency: a word used 10 times is not 10 times as telling as one used once.
  const featurize = (doc) => {
    const counts = new Array(vocab.length).fill(0);
    for (const w of doc) if (index.has(w)) counts[index.get(w)] += 1;
    return counts.map((c, j) => Math.log1p(c) * idf[j]);
  };

  const xTrain = tf.tensor2d(train.docs.map(featurize), [N_TRAIN, vocab.length]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), DESKS.length).toFloat();
  const xTest = tf.tensor2d(test.docs.map(featurize), [N_TEST, vocab.length]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), DESKS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [vocab.length] }));
  model.add(tf.layers.dense({ units: DESKS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.length} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
