'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6247);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Mini-batch custom loop with tf.variableGrads + optimizer.applyGradients on a functional model.
// Task: 3 classes in 8 standardized features, the class being whichever of three feature-pair
// scores is largest; the last 240 rows of the generated table are held out for testing.
const N_TRAIN = 960;
const N_TEST = 240;
const BATCH = 32;

function makeTable(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(8, () => rng.normal(0, 1));
    const scores = [row[0] + row[1] - 0.5 * row[6], row[2] - row[3] + 0.5 * row[7], row[4] * row[5]];
    const c = scores.indexOf(Math.max(...scores));
    x.push(row);
    y.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  return { x, y };
}

async function main() {
  await tf.setBackend('wasm');
  const table = makeTable(N_TRAIN + N_TEST);
  const xAll = tf.tensor2d(table.x, [N_TRAIN + N_TEST, 8]);
  const yAll = tf.tensor2d(table.y, [N_TRAIN + N_TEST, 3]);
  const xTest = xAll.slice([N_TRAIN, 0], [N_TEST, 8]);
  const yTest = yAll.slice([N_TRAIN, 0], [N_TEST, 3]);

  const input = tf.input({ shape: [8] });
  const h1 = tf.layers.dense({ units: 32, activation: 'relu' }).apply(input);
  const h2 = tf.layers.dense({ units: 32, activation: 'relu' }).apply(h1);
  const output = tf.layers.dense({ units: 3, activation: 'softmax' }).apply(h2);
  const model = tf.model({ inputs: input, outputs: output });

  const optimizer = tf.train.adam(0.005);
  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < 20; epoch++) {
    let epochLoss = 0;
    for (let b = 1; b <= numBatches; b++) {
      tf.tidy(() => {
        const xb = xAll.slice([(b - 1) * BATCH, 0], [BATCH, 8]);
        const yb = yAll.slice([(b - 1) * BATCH, 0], [BATCH, 3]);
        const { value, grads } = tf.variableGrads(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean());
        optimizer.applyGradients(grads);
        epochLoss += value.dataSync()[0] / numBatches;
      });
    }
    losses.push(epochLoss);
  }

  const accuracy = (x, y) => tf.tidy(() => model.predict(x).argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0]);
  const xTrain = xAll.slice([0, 0], [N_TRAIN, 8]);
  const yTrain = yAll.slice([0, 0], [N_TRAIN, 3]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | train acc ${accuracy(xTrain, yTrain).toFixed(3)} test acc ${accuracy(xTest, yTest).toFixed(3)}`);
}

main();
