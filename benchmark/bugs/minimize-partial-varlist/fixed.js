'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3962);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Custom training loop with optimizer.minimize and an explicit list of the variables to update.
// Task: the classic three-arm spiral in 2-D (3 classes), scored on a separately drawn test set.
const N_CLASSES = 3;

function makeSpiral(n) {
  const x = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, N_CLASSES);
    const r = rng.uniform(0.1, 1);
    const angle = r * 2.5 * Math.PI + (2 * Math.PI * c) / N_CLASSES;
    x.push([2 * r * Math.cos(angle) + rng.normal(0, 0.08), 2 * r * Math.sin(angle) + rng.normal(0, 0.08)]);
    labels.push(c);
  }
  return { x, labels };
}

async function main() {
  await tf.setBackend('wasm');
  const train = makeSpiral(900);
  const test = makeSpiral(300);
  const xs = tf.tensor2d(train.x, [900, 2]);
  const ys = tf.oneHot(tf.tensor1d(train.labels, 'int32'), N_CLASSES).toFloat();
  const xTest = tf.tensor2d(test.x, [300, 2]);
  const yTest = tf.tensor1d(test.labels, 'int32');

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [2] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: N_CLASSES, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.01);
  const trainableVars = model.trainableWeights.map((w) => w.read());
  const BATCH = 60;
  const losses = [];
  for (let epoch = 0; epoch < 30; epoch++) {
    let epochLoss = 0;
    for (let start = 0; start < 900; start += BATCH) {
      const cost = tf.tidy(() => {
        const xb = xs.slice([start, 0], [BATCH, 2]);
        const yb = ys.slice([start, 0], [BATCH, N_CLASSES]);
        return optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.predict(xb)).mean(), true, trainableVars);
      });
      epochLoss += cost.dataSync()[0] / (900 / BATCH);
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const trainAcc = tf.tidy(() => model.predict(xs).argMax(-1).equal(ys.argMax(-1)).mean().dataSync()[0]);
  const testAcc = tf.tidy(() => model.predict(xTest).argMax(-1).equal(yTest).mean().dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | train acc ${trainAcc.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
