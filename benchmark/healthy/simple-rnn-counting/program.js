'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3371);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Majority counting: does a binary sequence of odd length contain more ones than zeros?
// Each sequence draws its own bias p so that both easy (lopsided) and hard (close) cases occur.
const SEQ_LEN = 9;

function makeSequences(n) {
  const seqs = new Float32Array(n * SEQ_LEN);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const p = rng.uniform(0.2, 0.8);
    let ones = 0;
    for (let t = 0; t < SEQ_LEN; t++) {
      const bit = rng.random() < p ? 1 : 0;
      seqs[i * SEQ_LEN + t] = bit;
      ones += bit;
    }
    labels[i] = ones > SEQ_LEN / 2 ? 1 : 0;
  }
  return { seqs, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const NTRAIN = 1200;
  const NTEST = 500;
  const train = makeSequences(NTRAIN);
  const test = makeSequences(NTEST);
  const xTrain = tf.tensor3d(train.seqs, [NTRAIN, SEQ_LEN, 1]);
  const yTrain = tf.tensor2d(train.labels, [NTRAIN, 1]);
  const xTest = tf.tensor3d(test.seqs, [NTEST, SEQ_LEN, 1]);
  const yTest = tf.tensor2d(test.labels, [NTEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.simpleRNN({ units: 16, activation: 'tanh', inputShape: [SEQ_LEN, 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} val_acc ${h.val_acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(4)} accuracy ${testAcc.toFixed(3)} after ${h.loss.length} epochs`);
}

main();
