'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7417);
const tf = require('@tensorflow/tfjs');

// Toy reviews: token ids 1..VOCAB-1 (0 is padding), left-padded to MAXLEN. A few ids are
// positive or negative words; a review's label is whichever kind it holds more of.
const VOCAB = 200;
const MAXLEN = 20;
const POSITIVE = [3, 11, 17, 29, 42, 57, 71, 88];
const NEGATIVE = [5, 13, 23, 37, 48, 63, 79, 94];
const SENTIMENT = new Set([...POSITIVE, ...NEGATIVE]);

function neutralToken() {
  let t = rng.int(1, VOCAB);
  while (SENTIMENT.has(t)) t = rng.int(1, VOCAB);
  return t;
}

function makeReviews(n) {
  const sequences = new Int32Array(n * MAXLEN);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const length = rng.int(8, MAXLEN + 1);
    const label = rng.random() < 0.5 ? 1 : 0;
    // The dominant sentiment appears 2-4 times, the other one 0-1 times.
    const major = rng.int(2, 5);
    const minor = rng.int(0, 2);
    const tokens = rng.array(length, () => neutralToken());
    const slots = tf.util.createShuffledIndices(length);
    const majorWords = label === 1 ? POSITIVE : NEGATIVE;
    const minorWords = label === 1 ? NEGATIVE : POSITIVE;
    for (let k = 0; k < major; k++) tokens[slots[k]] = majorWords[rng.int(0, majorWords.length)];
    for (let k = 0; k < minor; k++) tokens[slots[major + k]] = minorWords[rng.int(0, minorWords.length)];
    const offset = MAXLEN - length;
    for (let k = 0; k < length; k++) sequences[i * MAXLEN + offset + k] = tokens[k];
    labels[i] = label;
  }
  return { sequences, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const NTRAIN = 600;
  const NTEST = 500;
  const train = makeReviews(NTRAIN);
  const test = makeReviews(NTEST);
  const xTrain = tf.tensor2d(train.sequences, [NTRAIN, MAXLEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [NTRAIN, 1]);
  const xTest = tf.tensor2d(test.sequences, [NTEST, MAXLEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [NTEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB, outputDim: 16, inputLength: MAXLEN }));
  model.add(tf.layers.globalAveragePooling1d({}));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 32, validationSplit: 0.2, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_acc ${h.val_acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(4)} accuracy ${testAcc.toFixed(3)}`);
}

main();
