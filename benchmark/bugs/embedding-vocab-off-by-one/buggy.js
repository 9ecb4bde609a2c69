'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6214);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sentiment of short product reviews ("the battery was not good", "the screen is bad overall").
// Words get ids by frequency in the training reviews (1 = most frequent, 0 is padding), each review
// is turned into a padded sequence of ids, embedded, averaged and classified by a small MLP.
// The cpu backend is used because embedding gradients need UnsortedSegmentSum.
const ASPECTS = ['battery', 'screen'];
const VERBS = ['is', 'was'];
const MAX_LEN = 7;
const N_TRAIN = 800;
const N_TEST = 400;

function makeReviews(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const praise = rng.random() < 0.5;
    const negated = rng.random() < 0.35;
    const words = ['the', ASPECTS[rng.int(0, ASPECTS.length)], VERBS[rng.int(0, VERBS.length)]];
    if (negated) words.push('not');
    words.push(praise ? 'good' : 'bad');
    if (rng.random() < 0.5) words.push('overall');
    texts.push(words);
    labels.push(praise !== negated ? 1 : 0);
  }
  return { texts, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeReviews(N_TRAIN);
  const test = makeReviews(N_TEST);

  const counts = new Map();
  for (const words of train.texts) for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
  const vocab = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a));
  const wordIndex = new Map(vocab.map((w, i) => [w, i + 1]));
  const VOCAB_SIZE = vocab.length;

  // Keep only words the embedding has a row for (unknown words are skipped), then pad with 0.
  const encode = (words) => {
    const ids = words.map((w) => wordIndex.get(w)).filter((id) => id < VOCAB_SIZE);
    while (ids.length < MAX_LEN) ids.push(0);
    return ids.slice(0, MAX_LEN);
  };

  const xTrain = tf.tensor2d(train.texts.map(encode), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.texts.map(encode), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB_SIZE, outputDim: 8, inputLength: MAX_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, validationSplit: 0.1, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.length} words | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
