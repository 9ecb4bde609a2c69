// A custom training loop that learns well but never frees its batches or its losses: memory grows
// at every step. Faultline warns on the lines that make them and offers to dispose them.
'use strict';
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  // y = 2·x0 − x1 + 0.5, on 512 rows.
  const x = [];
  const y = [];
  for (let i = 0; i < 512; i++) {
    const row = [Math.sin(i * 0.37), Math.cos(i * 0.91)];
    x.push(row);
    y.push([2 * row[0] - row[1] + 0.5]);
  }
  const xs = tf.tensor2d(x);
  const ys = tf.tensor2d(y);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.adam(0.01);

  let loss = 0;
  for (let epoch = 0; epoch < 20; epoch++) {
    for (let start = 0; start < 512; start += 32) {
      const xb = xs.slice([start, 0], [32, 2]);
      const yb = ys.slice([start, 0], [32, 1]);
      const cost = optimizer.minimize(() => tf.losses.meanSquaredError(yb, model.apply(xb)), true);
      loss = cost.dataSync()[0];
    }
  }
  console.log('final loss', loss.toFixed(4), 'live tensors', tf.memory().numTensors);
}

main();
