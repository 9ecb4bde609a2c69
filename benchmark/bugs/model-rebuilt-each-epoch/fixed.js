'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9027);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 2-D points: the class is the quadrant of the point after rotating it
// by 30 degrees, plus six irrelevant noise features. Small MLP, softmax + categorical
// cross-entropy, our own mini-batch loop with optimizer.minimize.
const N_TRAIN = 320;
const N_TEST = 400;
const NUM_FEATURES = 8;
const NUM_CLASSES = 4;
const BATCH = 64;
const EPOCHS = 30;

function makePoints(n) {
  const x = [];
  const y = [];
  const a = Math.PI / 6;
  for (let i = 0; i < n; i++) {
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const u = Math.cos(a) * row[0] - Math.sin(a) * row[1];
    const v = Math.sin(a) * row[0] + Math.cos(a) * row[1];
    const c = (u >= 0 ? 0 : 1) + (v >= 0 ? 0 : 2);
    x.push(row);
    y.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { x: tf.tensor2d(x, [n, NUM_FEATURES]), y: tf.tensor2d(y, [n, NUM_CLASSES]) };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  return model;
}

async function main() {
  await tf.setBackend('wasm');
  const train = makePoints(N_TRAIN);
  const test = makePoints(N_TEST);

  const model = buildModel();
  const optimizer = tf.train.adam(0.005);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    const numBatches = N_TRAIN / BATCH;
    for (let b = 0; b < numBatches; b++) {
      const loss = tf.tidy(() => {
        const xb = train.x.slice([b * BATCH, 0], [BATCH, NUM_FEATURES]);
        const yb = train.y.slice([b * BATCH, 0], [BATCH, NUM_CLASSES]);
        return optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean(), true);
      });
      epochLoss += loss.dataSync()[0] / numBatches;
      loss.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (d) => tf.tidy(() => {
    const p = model.predict(d.x);
    const loss = tf.metrics.categoricalCrossentropy(d.y, p).mean().dataSync()[0];
    const acc = p.argMax(-1).equal(d.y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [trainLoss, trainAcc] = evaluate(train);
  const [testLoss, testAcc] = evaluate(test);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (train loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
