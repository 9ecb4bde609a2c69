'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9520);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sentiment of product reviews from a shop export: each record has the review body and whether
// the customer gave 4-5 stars. Bodies are lowercased and tokenized, turned into bag-of-words
// vectors over the most frequent training words and classified by a small MLP. The last 20% of
// the export is held out.
const N_RECORDS = 1500;
const VOCAB_SIZE = 300;

const POSITIVE = ['great', 'love', 'excellent', 'perfect', 'recommend', 'sturdy', 'fast', 'happy', 'works', 'comfortable', 'easy', 'nice'];
const NEGATIVE = ['broke', 'poor', 'refund', 'cheap', 'disappointed', 'slow', 'flimsy', 'returned', 'waste', 'useless', 'leaks', 'noisy'];
const NEUTRAL = ['the', 'it', 'a', 'and', 'was', 'this', 'for', 'my', 'i', 'with', 'to', 'of', 'product', 'order',
  'box', 'size', 'color', 'day', 'week', 'use', 'kitchen', 'price', 'delivery', 'bought', 'after', 'one', 'again', 'really'];

function exportReviews(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const positive = rng.random() < 0.5;
    // star-only ratings leave the body empty (or a stray space from the form)
    if (rng.random() < 0.12) {
      records.push({ text: rng.random() < 0.5 ? '' : ' ', label: positive ? 1 : 0 });
      continue;
    }
    const words = [];
    const length = rng.int(6, 18);
    for (let w = 0; w < length; w++) {
      const r = rng.random();
      if (r < 0.22) words.push((positive ? POSITIVE : NEGATIVE)[rng.int(0, 12)]);
      else if (r < 0.27) words.push((positive ? NEGATIVE : POSITIVE)[rng.int(0, 12)]);
      else if (r < 0.31) words.push(String.fromCharCode(...rng.array(rng.int(3, 7), () => 97 + rng.int(0, 26))));
      else words.push(NEUTRAL[rng.int(0, NEUTRAL.length)]);
    }
    const text = words.join(' ');
    records.push({ text: rng.random() < 0.3 ? text[0].toUpperCase() + text.slice(1) + '!' : text, label: positive ? 1 : 0 });
  }
  return records;
}

const tokenize = (text) => text.toLowerCase().replace(/[^a-z\s]/g, ' ').split(/\s+/).filter((t) => t.length > 0);

function buildVocab(texts) {
  const counts = new Map();
  for (const text of texts) for (const tok of tokenize(text)) counts.set(tok, (counts.get(tok) || 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, VOCAB_SIZE).map(([tok]) => tok);
  return new Map(top.map((tok, i) => [tok, i]));
}

function bagOfWords(texts, vocab) {
  const data = new Float32Array(texts.length * VOCAB_SIZE);
  texts.forEach((text, i) => {
    for (const tok of tokenize(text)) {
      if (vocab.has(tok)) data[i * VOCAB_SIZE + vocab.get(tok)] = 1;
    }
  });
  return tf.tensor2d(data, [texts.length, VOCAB_SIZE]);
}

async function main() {
  await tf.setBackend('wasm');

  const records = exportReviews(N_RECORDS);
  // reviews without a body carry nothing to learn from
  const texts = records.filter((r) => r.text.trim().length > 0).map((r) => r.text);
  const labels = records.filter((r) => r.text.trim().length > 0).map((r) => r.label);

  const nTrain = Math.floor(texts.length * 0.8);
  const vocab = buildVocab(texts.slice(0, nTrain));
  const xTrain = bagOfWords(texts.slice(0, nTrain), vocab);
  const yTrain = tf.tensor2d(labels.slice(0, nTrain), [nTrain, 1]);
  const xTest = bagOfWords(texts.slice(nTrain), vocab);
  const yTest = tf.tensor2d(labels.slice(nTrain, texts.length), [texts.length - nTrain, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [VOCAB_SIZE] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`${texts.length} reviews, vocab ${vocab.size}: loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
