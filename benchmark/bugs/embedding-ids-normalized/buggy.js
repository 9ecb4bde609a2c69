'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3907);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Toy sentiment classifier. Reviews are up to 10 token ids from a 20-word vocabulary (id 0 is
// padding): ids 1-4 are "positive" words, 5-8 "negative" words and the rest neutral filler. A review
// is positive when it contains more positive than negative words.
const VOCAB_SIZE = 20;
const SEQ_LEN = 10;
const N_TRAIN = 600;
const N_TEST = 200;

function makeReview() {
  const length = rng.int(5, SEQ_LEN + 1);
  const label = rng.int(0, 2);
  const fewer = rng.int(0, 3);
  const more = rng.int(fewer + 1, 4);
  const [nPos, nNeg] = label === 1 ? [more, fewer] : [fewer, more];
  const tokens = [];
  for (let i = 0; i < nPos; i++) tokens.push(rng.int(1, 5));
  for (let i = 0; i < nNeg; i++) tokens.push(rng.int(5, 9));
  while (tokens.length < length) tokens.push(rng.int(9, VOCAB_SIZE));
  for (let i = tokens.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
  }
  while (tokens.length < SEQ_LEN) tokens.push(0);
  return { tokens, label };
}

function makeReviews(n) {
  const seqs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const { tokens, label } = makeReview();
    seqs.push(tokens);
    labels.push(label);
  }
  return { seqs, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeReviews(N_TRAIN);
  const test = makeReviews(N_TEST);
  const xTrain = tf.tensor2d(train.seqs, [N_TRAIN, SEQ_LEN]).div(VOCAB_SIZE);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.seqs, [N_TEST, SEQ_LEN]).div(VOCAB_SIZE);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB_SIZE, outputDim: 8, inputLength: SEQ_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 12,
    batchSize: 64,
    validationSplit: 0.1,
    shuffle: true,
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(
    `loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} ` +
      `val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | ` +
      `test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`,
  );
}

main();
