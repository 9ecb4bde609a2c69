'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5183);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sensor-reading classifier: 10 readings per sample, 3 machine states. The state depends on
// interactions between a few readings (ring and product terms), the rest are distractors.
// Features are standardized with the training mean/std; Gaussian noise, dropout and L2 keep the
// network from overfitting the small training set.
const NUM_FEATURES = 10;
const NUM_CLASSES = 3;
const N_TRAIN = 800;
const N_TEST = 400;

function makeReadings(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(5, 2));
    const a = (r[0] - 5) / 2;
    const b = (r[1] - 5) / 2;
    const d = (r[2] - 5) * (r[3] - 5) / 4;
    let c = 0;
    if (a * a + b * b < 1) c = 1;
    else if (d > 0.3) c = 2;
    xs.push(r);
    ys.push([0, 1, 2].map((k) => (k === c ? 1 : 0)));
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeReadings(N_TRAIN);
  const test = makeReadings(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]).sub(mean).div(std);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_CLASSES]);

  const l2 = tf.regularizers.l2({ l2: 1e-4 });
  const model = tf.sequential();
  model.add(tf.layers.gaussianNoise({ stddev: 0.1, inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: l2 }));
  model.add(tf.layers.dropout({ rate: 0.1 }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: l2 }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [trainLoss, trainAcc] = model.evaluate(xTrain, yTrain).map((t) => t.dataSync()[0]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} (eval ${trainAcc.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
