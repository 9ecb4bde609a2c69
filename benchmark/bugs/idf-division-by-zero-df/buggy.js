'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Route customer-support tickets to one of four queues (billing, shipping, technical, account)
// from their text. Tickets are short bags of words: a few topic words of their queue, common
// filler words, and now and then a rare token (product codes, names, typos). Features are
// TF-IDF weights computed by hand over the corpus vocabulary; a small MLP classifies them.
const QUEUES = ['billing', 'shipping', 'technical', 'account'];
const N_TRAIN = 800;
const N_TEST = 300;
const TOPIC_WORDS = 25;
const COMMON_WORDS = 40;
const RARE_WORDS = 400;

const topicVocab = QUEUES.map((q) => rng.array(TOPIC_WORDS, (i) => `${q}_${i}`));
const commonVocab = rng.array(COMMON_WORDS, (i) => `common_${i}`);
const rareVocab = rng.array(RARE_WORDS, (i) => `rare_${i}`);

function makeTickets(n) {
  const docs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, QUEUES.length);
    const len = rng.int(6, 16);
    const words = [];
    for (let k = 0; k < len; k++) {
      const u = rng.random();
      if (u < 0.35) words.push(topicVocab[c][rng.int(0, TOPIC_WORDS)]);
      else if (u < 0.45) words.push(topicVocab[rng.int(0, QUEUES.length)][rng.int(0, TOPIC_WORDS)]);
      else if (u < 0.95) words.push(commonVocab[rng.int(0, COMMON_WORDS)]);
      else words.push(rareVocab[rng.int(0, RARE_WORDS)]);
    }
    docs.push(words);
    labels.push(c);
  }
  return { docs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTickets(N_TRAIN);
  const test = makeTickets(N_TEST);

  // Vocabulary over every ticket we have, document frequencies from the training tickets.
  const vocab = [...new Set([...train.docs, ...test.docs].flat())].sort();
  const index = new Map(vocab.map((w, j) => [w, j]));
  const df = new Array(vocab.length).fill(0);
  for (const doc of train.docs) for (const w of new Set(doc)) df[index.get(w)] += 1;
  const idf = df.map((d) => Math.log(N_TRAIN / d));

  const tfidf = (doc) => {
    const counts = new Array(vocab.length).fill(0);
    for (const w of doc) counts[index.get(w)] += 1;
    return counts.map((c, j) => (c / doc.length) * idf[j]);
  };

  const xTrain = tf.tensor2d(train.docs.map(tfidf), [N_TRAIN, vocab.length]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), QUEUES.length).toFloat();
  const xTest = tf.tensor2d(test.docs.map(tfidf), [N_TEST, vocab.length]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), QUEUES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [vocab.length] }));
  model.add(tf.layers.dense({ units: QUEUES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.length} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
