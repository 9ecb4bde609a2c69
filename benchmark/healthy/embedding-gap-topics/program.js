'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4877);
const tf = require('@tensorflow/tfjs');

// Topic classification of short "documents": token 0 is padding, ids 1..20 are common words
// shared by every topic, and each of the 4 topics owns 10 words of its own (ids 21..60).
// A document mixes common words with its topic's words and a few stray words of other topics.
const NUM_TOPICS = 4;
const COMMON_WORDS = 20;
const TOPIC_WORDS = 10;
const VOCAB_SIZE = 1 + COMMON_WORDS + NUM_TOPICS * TOPIC_WORDS;
const MAX_LEN = 16;

function topicWord(topic) {
  return 1 + COMMON_WORDS + topic * TOPIC_WORDS + rng.int(0, TOPIC_WORDS);
}

function makeDocuments(n) {
  const docs = new Float32Array(n * MAX_LEN);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const topic = rng.int(0, NUM_TOPICS);
    const length = rng.int(6, MAX_LEN + 1);
    const start = MAX_LEN - length; // left-padded with zeros
    for (let t = start; t < MAX_LEN; t++) {
      const u = rng.random();
      let word;
      if (u < 0.3) word = topicWord(topic);
      else if (u < 0.4) word = topicWord(rng.int(0, NUM_TOPICS));
      else word = 1 + rng.int(0, COMMON_WORDS);
      docs[i * MAX_LEN + t] = word;
    }
    labels[i] = topic;
  }
  return { docs, labels };
}

async function main() {
  await tf.setBackend('cpu'); // wasm has no UnsortedSegmentSum kernel (embedding gradient)

  const NTRAIN = 600;
  const NTEST = 400;
  const train = makeDocuments(NTRAIN);
  const test = makeDocuments(NTEST);
  const xTrain = tf.tensor2d(train.docs, [NTRAIN, MAX_LEN]);
  const yTrain = tf.tensor1d(train.labels);
  const xTest = tf.tensor2d(test.docs, [NTEST, MAX_LEN]);
  const yTest = tf.tensor1d(test.labels);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB_SIZE, outputDim: 8, inputLength: MAX_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: NUM_TOPICS, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const predicted = model.predict(xTest).argMax(-1).dataSync();
  const correct = Array.from(test.labels).filter((label, i) => predicted[i] === label).length;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_acc ${h.val_acc[last].toFixed(3)} | held-out accuracy ${(correct / NTEST).toFixed(3)} (${correct}/${NTEST}) after ${h.loss.length} epochs`);
}

main();
