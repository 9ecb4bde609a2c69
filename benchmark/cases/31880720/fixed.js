'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(31880720);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// First half of the rows all ones (label true), second half all zeros (label false).
function makeRows(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const on = i < n / 2 ? 1 : 0;
    rows.push(new Array(128).fill(on));
    labels.push([on]);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRows(800);
  const test = makeRows(200);
  const xTrain = tf.tensor2d(train.rows, [800, 128]);
  const yTrain = tf.tensor2d(train.labels, [800, 1]);
  const xTest = tf.tensor2d(test.rows, [200, 128]);
  const yTest = tf.tensor2d(test.labels, [200, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 50, activation: 'relu', inputShape: [128] }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: 50 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));

  model.compile({ optimizer: 'rmsprop', loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 1, validationData: [xTest, yTest], verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const preds = Array.from(model.predict(xTest).dataSync());
  console.log(`loss ${h.loss.map((v) => v.toFixed(4)).join(' ')} | acc ${h.acc[last].toFixed(3)} val_loss ${h.val_loss[last].toFixed(4)} val_acc ${h.val_acc[last].toFixed(3)} | test outputs min ${Math.min(...preds).toFixed(4)} max ${Math.max(...preds).toFixed(4)}`);
}

main();
