'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2671);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Three-arm spiral: 2-D points on three interleaved spiral arms (1.25 turns each) with a little
// angular noise. Small MLP, softmax output, Adam. 20% of the training set is used for
// validation and early stopping ends training once validation accuracy stops improving.
const NUM_CLASSES = 3;

function makeSpirals(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const r = rng.uniform(0.1, 1);
    const theta = (2 * Math.PI * c) / NUM_CLASSES + 2.5 * Math.PI * r + rng.normal(0, 0.1);
    xs.push([r * Math.cos(theta), r * Math.sin(theta)]);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSpirals(1500);
  const test = makeSpirals(500);
  const xTrain = tf.tensor2d(train.xs, [1500, 2]);
  const yTrain = tf.tensor2d(train.ys, [1500, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [500, 2]);
  const yTest = tf.tensor2d(test.ys, [500, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_acc', mode: 'min', patience: 2 });

  const history = await model.fit(xTrain, yTrain, {
    epochs: 60,
    batchSize: 32,
    validationSplit: 0.2,
    shuffle: true,
    verbose: 0,
    callbacks: [earlyStop],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | epochs run ${h.loss.length}`);
}

main();
