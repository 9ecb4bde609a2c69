'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2286);
const tf = require('@tensorflow/tfjs');

// Help-desk ticket routing: send each customer ticket to billing, shipping, technical support or
// account management. Tickets are short messages mixing everyday words with the vocabulary of
// their department. Words get ids by frequency in the training tickets (1 = most frequent, 0 =
// padding, at most MAX_WORDS ids as with a Keras Tokenizer(num_words)), tickets are padded to
// MAX_LEN, and the model is embedding -> average pooling -> softmax, with word dropout against
// overfitting to single words. The cpu backend is used because embedding gradients need
// UnsortedSegmentSum.
const DEPARTMENTS = ['billing', 'shipping', 'technical', 'account'];
const TOPIC_WORDS = [
  'invoice charged refund payment card bill receipt'.split(' '),
  'delivery package parcel courier tracking shipped address'.split(' '),
  'error crash app update install screen bug'.split(' '),
  'password login username email profile locked verify'.split(' '),
];
const COMMON = 'hi i my the a is it please help thanks you still'.split(' ');
const MAX_WORDS = 64;
const MAX_LEN = 16;
const N_TRAIN = 400;
const N_TEST = 200;

function makeTickets(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const dept = rng.int(0, DEPARTMENTS.length);
    const length = rng.int(6, MAX_LEN + 1);
    const nTopic = rng.int(2, 5);
    const words = rng.array(length, (k) => (k < nTopic ? TOPIC_WORDS[dept][rng.int(0, TOPIC_WORDS[dept].length)] : COMMON[rng.int(0, COMMON.length)]));
    for (let k = words.length - 1; k > 0; k--) {
      const j = rng.int(0, k + 1);
      [words[k], words[j]] = [words[j], words[k]];
    }
    texts.push(words.join(' '));
    labels.push(dept);
  }
  return { texts, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeTickets(N_TRAIN);
  const test = makeTickets(N_TEST);
  const counts = new Map();
  for (const text of train.texts) for (const w of text.split(' ')) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b)).slice(0, MAX_WORDS - 1);
  const wordIndex = new Map(ranked.map((w, i) => [w, i + 1]));
  const encode = (text) => {
    const ids = text.split(' ').map((w) => wordIndex.get(w) ?? 0).filter((id) => id > 0).slice(-MAX_LEN);
    return new Array(MAX_LEN - ids.length).fill(0).concat(ids);
  };

  const xTrain = tf.tensor2d(train.texts.map(encode), [N_TRAIN, MAX_LEN]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), DEPARTMENTS.length).toFloat();
  const xTest = tf.tensor2d(test.texts.map(encode), [N_TEST, MAX_LEN]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), DEPARTMENTS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: MAX_WORDS, outputDim: 16, inputLength: MAX_LEN }));
  model.add(tf.layers.dropout({ rate: 0.3 }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: DEPARTMENTS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 8, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${wordIndex.size} words | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
