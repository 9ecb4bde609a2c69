'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5530);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Route support tickets to billing / shipping / technical. Words are mapped to ids with the
// hashing trick (no vocabulary to build or store), embedded, averaged over the ticket and fed to
// a softmax layer. The cpu backend is used because embedding gradients need UnsortedSegmentSum.
const TOPICS = [
  'invoice charge refund payment billed card price subscription receipt fee',
  'package delivery courier tracking shipped parcel address delayed lost carrier',
  'login password crash error app update install screen bug freeze',
].map((s) => s.split(' '));
const FILLER = 'i my the a is was and to it please help why still not'.split(' ');
const TICKET_LEN = 8;
const KEYWORDS_PER_TICKET = 2;
const NUM_BUCKETS = 64;
const N_TRAIN = 600;
const N_TEST = 300;

function hashWord(word) {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h % NUM_BUCKETS;
}

function makeTickets(n) {
  const ids = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const topic = rng.int(0, TOPICS.length);
    const words = [];
    for (let k = 0; k < KEYWORDS_PER_TICKET; k++) words.push(TOPICS[topic][rng.int(0, TOPICS[topic].length)]);
    while (words.length < TICKET_LEN) words.push(FILLER[rng.int(0, FILLER.length)]);
    tf.util.shuffle(words);
    ids.push(words.map(hashWord));
    labels.push(topic);
  }
  return { ids, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeTickets(N_TRAIN);
  const test = makeTickets(N_TEST);
  const xTrain = tf.tensor2d(train.ids, [N_TRAIN, TICKET_LEN], 'int32');
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), TOPICS.length).toFloat();
  const xTest = tf.tensor2d(test.ids, [N_TEST, TICKET_LEN], 'int32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), TOPICS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: NUM_BUCKETS, outputDim: 16, inputLength: TICKET_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: TOPICS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 8, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
