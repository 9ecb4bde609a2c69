'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');

// Intent detection for a support chat: route each customer message to billing, shipping,
// technical support or account management. Messages are short (5 to 15 words): a few everyday
// filler words around one to three topic words. Word ids come from the training messages (0 is
// padding), every message is padded to MAX_LEN ids, embedded and read by an LSTM whose final
// state feeds a softmax over the four intents. The cpu backend is used because embedding
// gradients need UnsortedSegmentSum.
const INTENTS = ['billing', 'shipping', 'technical', 'account'];
const TOPIC_WORDS = [
  'invoice charge refund payment card price bill subscription',
  'package delivery courier tracking parcel arrive shipped address',
  'error crash app login freeze update screen install',
  'password username profile email settings delete verify name',
].map((s) => s.split(' '));
const FILLER = 'i my the a to is it was please help can you why not this me hi hello thanks need still again today have'.split(' ');
const MAX_LEN = 40;
const N_TRAIN = 320;
const N_TEST = 200;

const pick = (words) => words[rng.int(0, words.length)];

function makeMessages(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const intent = rng.int(0, INTENTS.length);
    const len = rng.int(5, 16);
    const words = rng.array(len, () => pick(FILLER));
    const nTopic = rng.int(1, 4);
    for (let k = 0; k < nTopic; k++) words[rng.int(0, len)] = pick(TOPIC_WORDS[intent]);
    texts.push(words);
    labels.push(intent);
  }
  return { texts, labels };
}

function padSequence(ids) {
  const padding = new Array(MAX_LEN - ids.length).fill(0);
  return padding.concat(ids);
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeMessages(N_TRAIN);
  const test = makeMessages(N_TEST);
  const vocab = [...new Set(train.texts.flat())].sort();
  const wordIndex = new Map(vocab.map((w, i) => [w, i + 1]));
  const encode = (words) => padSequence(words.map((w) => wordIndex.get(w) ?? 0));

  const xTrain = tf.tensor2d(train.texts.map(encode), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), INTENTS.length).toFloat();
  const xTest = tf.tensor2d(test.texts.map(encode), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), INTENTS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab.length + 1, outputDim: 8, inputLength: MAX_LEN }));
  model.add(tf.layers.lstm({ units: 16 }));
  model.add(tf.layers.dense({ units: INTENTS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 6, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.length} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
