'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5581);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Classify 2-D points from three interleaved spiral arms (plus 4 noise features). The model
// returns raw logits, the loss applies the softmax, and training is a custom mini-batch loop
// with optimizer.minimize.
const NUM_CLASSES = 3;
const NUM_FEATURES = 6;
const BATCH = 64;
const EPOCHS = 30;
const TEMPERATURE = 0.02;

function makeSpirals(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const r = rng.uniform(0.15, 1);
    const angle = 3.5 * r + (2 * Math.PI * c) / NUM_CLASSES + rng.normal(0, 0.35);
    const noise = rng.array(NUM_FEATURES - 2, () => rng.normal(0, 1));
    xs.push([2 * r * Math.cos(angle), 2 * r * Math.sin(angle), ...noise]);
    labels.push(c);
  }
  return {
    xs: tf.tensor2d(xs, [n, NUM_FEATURES]),
    ys: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat(),
    n,
  };
}

function computeLoss(labels, logits) {
  return tf.losses.softmaxCrossEntropy(labels, logits);
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSpirals(1500);
  const test = makeSpirals(500);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES }));

  const optimizer = tf.train.sgd(0.1);
  const numBatches = Math.ceil(train.n / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = Array.from(tf.util.createShuffledIndices(train.n));
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const idx = tf.tensor1d(order.slice(b * BATCH, (b + 1) * BATCH), 'int32');
      const loss = optimizer.minimize(() => {
        const xb = train.xs.gather(idx);
        const yb = train.ys.gather(idx);
        return computeLoss(yb, model.predict(xb));
      }, true);
      epochLoss += loss.dataSync()[0] / numBatches;
      tf.dispose([loss, idx]);
    }
    losses.push(epochLoss);
  }

  const evaluate = (data) => tf.tidy(() => {
    const logits = model.predict(data.xs);
    const acc = logits.argMax(-1).equal(data.ys.argMax(-1)).mean().dataSync()[0];
    return [computeLoss(data.ys, logits).dataSync()[0], acc];
  });
  const [, trainAcc] = evaluate(train);
  const [testLoss, testAcc] = evaluate(test);
  const worst = Math.max(...losses);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} (max ${worst.toFixed(3)}) acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
