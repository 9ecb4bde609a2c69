'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2961);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Support ticket routing: billing / technical / shipping / account, from a bag-of-words vector
// over a fixed 200-word vocabulary (the product team's keyword list; the tickets collected so far
// use only part of it). Each department has its own indicative words on top of common words.
const DEPARTMENTS = ['billing', 'technical', 'shipping', 'account'];
const VOCAB_SIZE = 200;
const WORDS_IN_TICKETS = 150;
const COMMON_WORDS = 40;
const N_TRAIN = 1200;
const N_TEST = 400;

const topicWords = DEPARTMENTS.map(() => rng.array(20, () => rng.int(COMMON_WORDS, WORDS_IN_TICKETS)));

function makeTickets(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const d = rng.int(0, DEPARTMENTS.length);
    const bag = new Array(VOCAB_SIZE).fill(0);
    const length = rng.int(6, 16);
    for (let k = 0; k < length; k++) {
      const r = rng.random();
      let w;
      if (r < 0.35) w = topicWords[d][rng.int(0, 20)];
      else if (r < 0.75) w = rng.int(0, COMMON_WORDS);
      else w = rng.int(COMMON_WORDS, WORDS_IN_TICKETS);
      bag[w] += 1;
    }
    xs.push(bag);
    labels.push(d);
  }
  return { xs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTickets(N_TRAIN);
  const test = makeTickets(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, VOCAB_SIZE]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), DEPARTMENTS.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, VOCAB_SIZE]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), DEPARTMENTS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [VOCAB_SIZE] }));
  model.add(tf.layers.dense({ units: DEPARTMENTS.length, activation: 'softmax' }));
  const optimizer = tf.train.adam(0.001, 0.9, 0.999);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
