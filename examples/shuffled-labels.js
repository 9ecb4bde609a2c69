// A classifier whose inputs and labels are shuffled by two separate calls: each array gets its own
// random order, so the labels no longer belong to their rows and the model cannot learn. Faultline
// points at the shuffles and offers to shuffle both arrays in one order.
'use strict';
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  // Three classes of points around three centres, 600 rows.
  const centres = [[1, 1], [-1, 1], [0, -1]];
  const x = [];
  const labels = [];
  for (let i = 0; i < 600; i++) {
    const c = i % 3;
    x.push([centres[c][0] + 0.4 * Math.sin(i * 1.7), centres[c][1] + 0.4 * Math.cos(i * 2.3)]);
    labels.push(c);
  }
  tf.util.shuffle(x);
  tf.util.shuffle(labels);

  const xs = tf.tensor2d(x);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const history = await model.fit(xs, ys, { epochs: 20, batchSize: 32, validationSplit: 0.2, verbose: 0 });
  console.log('final accuracy', history.history.acc.at(-1).toFixed(3), 'validation', history.history.val_acc.at(-1).toFixed(3));
}

main();
