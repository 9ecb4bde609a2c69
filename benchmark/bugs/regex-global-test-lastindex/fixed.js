'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7459);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sentiment of kitchen-appliance reviews. There are no star ratings in the scraped data, so the
// training labels come from keyword rules (weak supervision): reviews that express no opinion are
// skipped, the others are labelled positive when they use a positive opinion word. A bag-of-words
// MLP is trained on them and checked on a small hand-labelled set of new reviews.
const POSITIVE = /great|excellent|love|perfect|awesome/i;
const NEGATIVE = /terrible|awful|broke|disappoint|useless/i;

const POS_WORDS = ['great', 'excellent', 'love', 'perfect', 'awesome'];
const NEG_WORDS = ['terrible', 'awful', 'broken', 'disappointed', 'useless'];
const POS_CONTEXT = ['recommend', 'sturdy', 'quiet', 'easy', 'fast', 'gift'];
const NEG_CONTEXT = ['returned', 'leaking', 'noisy', 'refund', 'stopped', 'cheap'];
const PRODUCTS = ['blender', 'kettle', 'toaster', 'mixer', 'grinder', 'juicer'];
const FILLER = 'the it this is and my was for after a week so with to very of'.split(' ');
const N_TRAIN = 1200;
const N_TEST = 400;

const pick = (words) => words[rng.int(0, words.length)];

function makeReviews(n) {
  const reviews = [];
  for (let i = 0; i < n; i++) {
    const r = rng.random();
    const sentiment = r < 0.1 ? null : r < 0.55 ? 1 : 0;
    const words = [pick(PRODUCTS)];
    for (let k = rng.int(3, 8); k > 0; k--) words.push(pick(FILLER));
    if (sentiment !== null) {
      const nOpinion = rng.random() < 0.2 ? 2 : 1;
      for (let k = 0; k < nOpinion; k++) words.push(pick(sentiment ? POS_WORDS : NEG_WORDS));
      if (rng.random() < 0.6) words.push(pick(sentiment ? POS_CONTEXT : NEG_CONTEXT));
    }
    tf.util.shuffle(words);
    reviews.push({ text: words.join(' '), sentiment });
  }
  return reviews;
}

function weakLabel(texts) {
  const kept = [];
  const labels = [];
  for (const text of texts) {
    if (!POSITIVE.test(text) && !NEGATIVE.test(text)) continue;
    kept.push(text);
    labels.push(POSITIVE.test(text) ? 1 : 0);
  }
  return { texts: kept, labels };
}

function bagOfWords(texts, vocab) {
  return texts.map((text) => {
    const row = new Array(vocab.size).fill(0);
    for (const w of text.split(' ')) if (vocab.has(w)) row[vocab.get(w)] = 1;
    return row;
  });
}

async function main() {
  await tf.setBackend('wasm');

  const scraped = makeReviews(N_TRAIN).map((r) => r.text);
  const train = weakLabel(scraped);
  const vocab = new Map();
  for (const text of train.texts) for (const w of text.split(' ')) if (!vocab.has(w)) vocab.set(w, vocab.size);

  const handLabelled = makeReviews(N_TEST).filter((r) => r.sentiment !== null);
  const xTrain = tf.tensor2d(bagOfWords(train.texts, vocab));
  const yTrain = tf.tensor2d(train.labels, [train.labels.length, 1]);
  const xTest = tf.tensor2d(bagOfWords(handLabelled.map((r) => r.text), vocab));
  const yTest = tf.tensor2d(handLabelled.map((r) => r.sentiment), [handLabelled.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [vocab.size] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
