'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Four-class classifier on 2D points: the class is the quadrant of the point after rotating it
// by 30 degrees, with a few extra noisy features appended. Small MLP, softmax, cross-entropy, Adam.
const NUM_CLASSES = 4;
const NUM_FEATURES = 6;
const ANGLE = Math.PI / 6;

function makePoints(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1);
    const b = rng.uniform(-1, 1);
    const u = a * Math.cos(ANGLE) - b * Math.sin(ANGLE);
    const v = a * Math.sin(ANGLE) + b * Math.cos(ANGLE);
    const c = (u >= 0 ? 0 : 1) + (v >= 0 ? 0 : 2);
    const extra = rng.array(NUM_FEATURES - 2, () => rng.normal(0, 0.5));
    xs.push([a, b, ...extra]);
    ys.push([0, 1, 2, 3].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePoints(1200);
  const test = makePoints(400);
  const xTrain = tf.tensor2d(train.xs, [1200, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [1200, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [400, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: 'zeros', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: 'zeros' }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: 'zeros' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
