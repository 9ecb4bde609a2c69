'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3906);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Small residual MLP for a 4-class problem: 8 standardized features, the class is decided by
// the signs of two non-linear scores of the features. Built with the functional API: a stem
// dense layer, then residual blocks (dense -> dense, merged with the block input), then softmax.
const NUM_FEATURES = 8;
const NUM_CLASSES = 4;
const WIDTH = 16;
const NUM_BLOCKS = 5;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const s1 = x[0] * x[1] + 0.3 * x[2];
    const s2 = x[3] * x[3] + x[4] * x[4] - 1.4;
    const c = (s1 > 0 ? 1 : 0) + (s2 > 0 ? 2 : 0);
    xs.push(x);
    ys.push(rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

function residualBlock(x) {
  let h = tf.layers.dense({ units: WIDTH, activation: 'relu' }).apply(x);
  h = tf.layers.dense({ units: WIDTH }).apply(h);
  const merged = tf.layers.multiply().apply([x, h]);
  return tf.layers.activation({ activation: 'relu' }).apply(merged);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(2000);
  const test = makeData(500);
  const xTrain = tf.tensor2d(train.xs, [2000, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [2000, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [500, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [500, NUM_CLASSES]);

  const input = tf.input({ shape: [NUM_FEATURES] });
  let x = tf.layers.dense({ units: WIDTH, activation: 'relu' }).apply(input);
  for (let b = 0; b < NUM_BLOCKS; b++) x = residualBlock(x);
  const output = tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }).apply(x);
  const model = tf.model({ inputs: input, outputs: output });

  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
