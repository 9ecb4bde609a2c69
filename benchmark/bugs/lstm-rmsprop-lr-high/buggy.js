'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Trend classifier for short noisy series: each sequence has 12 steps, starts at a random level
// and is either rising, falling or flat (class 0 / 1 / 2). A small GRU reads the series and a
// softmax layer predicts the trend. Trained with RMSprop via model.fit.
const STEPS = 12;
const NUM_CLASSES = 3;
const SLOPES = [0.1, -0.1, 0];

function makeSeries(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const start = rng.uniform(-2, 2);
    const seq = [];
    for (let t = 0; t < STEPS; t++) {
      seq.push([start + SLOPES[c] * t + rng.normal(0, 0.3)]);
    }
    xs.push(seq);
    ys.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSeries(400);
  const test = makeSeries(200);
  const xTrain = tf.tensor3d(train.xs, [400, STEPS, 1]);
  const yTrain = tf.tensor2d(train.ys, [400, NUM_CLASSES]);
  const xTest = tf.tensor3d(test.xs, [200, STEPS, 1]);
  const yTest = tf.tensor2d(test.ys, [200, NUM_CLASSES]);

  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: [STEPS, 1] }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.rmsprop(1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
