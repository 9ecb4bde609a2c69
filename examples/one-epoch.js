// A classifier trained by model.fit without an epochs option: TensorFlow.js then trains for a
// single epoch, and the model stops while its loss is still falling. Faultline points at the fit
// call and offers to set epochs.
'use strict';
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  // Three classes of points around three centres, 1200 rows.
  const centres = [[1, 1], [-1, 1], [0, -1]];
  const x = [];
  const labels = [];
  for (let i = 0; i < 1200; i++) {
    const c = i % 3;
    x.push([centres[c][0] + 0.5 * Math.sin(i * 1.7), centres[c][1] + 0.5 * Math.cos(i * 2.3)]);
    labels.push(c);
  }
  const xs = tf.tensor2d(x);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const history = await model.fit(xs, ys, { batchSize: 32 });
  const acc = history.history.acc;
  console.log(`accuracy ${acc[acc.length - 1].toFixed(3)} after ${acc.length} epoch(s)`);
}

main();
