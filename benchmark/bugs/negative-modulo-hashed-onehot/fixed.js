'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8163);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Intent classifier for a travel chatbot: an utterance asks to book, cancel or change a flight,
// hotel or car (9 intents). Words go through the hashing trick (each word is hashed into one of
// BUCKETS columns, no vocabulary needed) and the utterance becomes a bag of hashed words.
const BUCKETS = 512;
const ACTIONS = [
  ['book', 'reserve', 'purchase', 'schedule', 'arrange', 'secure'],
  ['cancel', 'refund', 'revoke', 'drop', 'void', 'abort'],
  ['change', 'modify', 'update', 'reschedule', 'move', 'amend'],
];
const OBJECTS = [
  ['flight', 'airline', 'airfare', 'plane', 'seat', 'jet'],
  ['hotel', 'room', 'lodging', 'accommodation', 'hostel', 'resort'],
  ['car', 'vehicle', 'sedan', 'rental', 'convertible', 'pickup'],
];
const OPENERS = ['i want to', 'please', 'can you', 'i need to', 'help me', 'could you', 'i would like to', 'hi'];
const DETERMINERS = ['my', 'the', 'a', 'our', 'this'];
const CLOSERS = ['', 'for friday', 'next week', 'tomorrow', 'for my trip', 'please', 'thanks', 'for two people'];
const NUM_INTENTS = ACTIONS.length * OBJECTS.length;

const pick = (list) => list[rng.int(0, list.length)];

function makeUtterances(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const a = rng.int(0, ACTIONS.length);
    const o = rng.int(0, OBJECTS.length);
    texts.push(`${pick(OPENERS)} ${pick(ACTIONS[a])} ${pick(DETERMINERS)} ${pick(OBJECTS[o])} ${pick(CLOSERS)}`.trim());
    const oneHot = new Array(NUM_INTENTS).fill(0);
    oneHot[a * OBJECTS.length + o] = 1;
    labels.push(oneHot);
  }
  return { texts, labels };
}

// String hash (Java's String.hashCode) reduced to a bucket index.
function bucketOf(word) {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = ((h << 5) - h + word.charCodeAt(i)) | 0;
  return ((h % BUCKETS) + BUCKETS) % BUCKETS;
}

function vectorize(texts) {
  return tf.tidy(() => tf.stack(texts.map((text) => {
    const ids = text.split(' ').map(bucketOf);
    return tf.oneHot(tf.tensor1d(ids, 'int32'), BUCKETS).max(0);
  })).toFloat());
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeUtterances(1800);
  const test = makeUtterances(450);
  const xTrain = vectorize(train.texts);
  const yTrain = tf.tensor2d(train.labels, [1800, NUM_INTENTS]);
  const xTest = vectorize(test.texts);
  const yTest = tf.tensor2d(test.labels, [450, NUM_INTENTS]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [BUCKETS] }));
  model.add(tf.layers.dense({ units: NUM_INTENTS, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
