// A custom training loop over mini-batches whose batch is cut at an offset that never changes:
// every step trains on the first 32 rows, so the model memorizes them and never sees the rest
// (about 0.67 accuracy on all rows; cut at the batch index, about 0.92). Faultline points at the
// slice and offers to cut each batch at the batch index.
'use strict';
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

const BATCH = 32;

async function main() {
  await tf.setBackend('wasm');
  // A 4×4 checkerboard on [-1, 1]²: 1024 points, two classes.
  const x = [];
  const labels = [];
  for (let i = 0; i < 1024; i++) {
    const a = Math.sin(i * 12.9898) * 43758.5453;
    const b = Math.sin(i * 78.233) * 12345.6789;
    const p = [2 * (a - Math.floor(a)) - 1, 2 * (b - Math.floor(b)) - 1];
    x.push(p);
    labels.push((Math.floor(2 * p[0] + 2) + Math.floor(2 * p[1] + 2)) % 2);
  }
  const xTrain = tf.tensor2d(x);
  const yTrain = tf.oneHot(tf.tensor1d(labels, 'int32'), 2).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2 }));
  const optimizer = tf.train.adam(0.01);
  const batches = xTrain.shape[0] / BATCH;
  for (let epoch = 0; epoch < 20; epoch++) {
    for (let b = 0; b < batches; b++) {
      const cost = tf.tidy(() => {
        const xb = xTrain.slice(0, BATCH);
        const yb = yTrain.slice(0, BATCH);
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb)), true);
      });
      cost.dispose();
    }
  }
  const accuracy = tf.tidy(() => model.predict(xTrain).argMax(-1).equal(yTrain.argMax(-1)).mean().dataSync()[0]);
  console.log('accuracy on all rows', accuracy.toFixed(3));
}

main();
