'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7318);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Spam filter trained on labelled mail from two mailboxes whose exports were merged: mailbox A
// exports rows with an `isSpam` flag, mailbox B (another mail system) with an `isHam` flag. Each
// row holds 8 numeric message statistics; they are standardized and fed to a small MLP.
// A held-out test set is exported from both mailboxes the same way.
const FEATURES = ['links', 'exclamations', 'capsRatio', 'knownSender', 'attachments', 'words', 'recipients', 'unsubscribe'];
const N_PER_MAILBOX = 600;
const N_TEST_PER_MAILBOX = 200;

function makeMessage(spam) {
  return {
    links: Math.max(0, Math.round(rng.normal(spam ? 4 : 1, 1.5))),
    exclamations: Math.max(0, Math.round(rng.normal(spam ? 3 : 0.5, 1.5))),
    capsRatio: Math.min(1, Math.max(0, rng.normal(spam ? 0.25 : 0.08, 0.08))),
    knownSender: rng.random() < (spam ? 0.1 : 0.7) ? 1 : 0,
    attachments: rng.random() < (spam ? 0.15 : 0.3) ? 1 : 0,
    words: Math.max(5, Math.round(rng.normal(spam ? 120 : 200, 70))),
    recipients: Math.max(1, Math.round(rng.normal(spam ? 6 : 2, 3))),
    unsubscribe: rng.random() < (spam ? 0.6 : 0.15) ? 1 : 0,
  };
}

function exportMailboxA(n) {
  return rng.array(n, () => {
    const spam = rng.random() < 0.5;
    return { ...makeMessage(spam), isSpam: spam ? 1 : 0 };
  });
}

function exportMailboxB(n) {
  return rng.array(n, () => {
    const spam = rng.random() < 0.5;
    return { ...makeMessage(spam), isHam: spam ? 0 : 1 };
  });
}

async function main() {
  await tf.setBackend('wasm');

  const rows = [...exportMailboxA(N_PER_MAILBOX), ...exportMailboxB(N_PER_MAILBOX)];
  tf.util.shuffle(rows);
  const testRows = [...exportMailboxA(N_TEST_PER_MAILBOX), ...exportMailboxB(N_TEST_PER_MAILBOX)];

  const toFeatures = (row) => FEATURES.map((f) => row[f]);
  const toLabel = (row) => row.isSpam ?? row.isHam;

  const xRaw = tf.tensor2d(rows.map(toFeatures), [rows.length, FEATURES.length]);
  const { mean, variance } = tf.moments(xRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(rows.map(toLabel), [rows.length, 1]);
  const xTest = tf.tensor2d(testRows.map(toFeatures), [testRows.length, FEATURES.length]).sub(mean).div(std);
  const yTest = tf.tensor2d(testRows.map(toLabel), [testRows.length, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, validationSplit: 0.2, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
