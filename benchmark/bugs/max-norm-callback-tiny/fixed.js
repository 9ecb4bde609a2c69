'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression on a synthetic sensor table: 8 standardized readings, the target is a smooth
// nonlinear mix of them plus a little noise. Dense relu net with max-norm weight constraint.
const NUM_FEATURES = 8;

function target(r) {
  return Math.sin(1.5 * r[0]) + r[1] * r[2] + 0.5 * r[3] * r[3] - 0.8 * r[4] + 0.3 * r[5] - 0.5;
}

function makeTable(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    xs.push(r);
    ys.push([target(r) + rng.normal(0, 0.1)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTable(800);
  const test = makeTable(400);
  const xTrain = tf.tensor2d(train.xs, [800, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [800, 1]);
  const xTest = tf.tensor2d(test.xs, [400, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'meanSquaredError' });

  // kernelConstraint is not applied by model.fit in tfjs, so renormalise the kernels after every batch.
  const maxNorm = tf.constraints.maxNorm({ maxValue: 3 });
  const applyMaxNorm = {
    onBatchEnd: async () => {
      for (const layer of model.layers) {
        const [kernel, bias] = layer.getWeights();
        const clipped = maxNorm.apply(kernel);
        layer.setWeights([clipped, bias]);
        clipped.dispose();
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: 40,
    batchSize: 64,
    shuffle: true,
    callbacks: [applyMaxNorm],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  const testVar = tf.moments(yTest).variance.dataSync()[0];
  const r2 = 1 - testLoss / testVar;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | test mse ${testLoss.toFixed(3)} test var ${testVar.toFixed(3)} test r2 ${r2.toFixed(3)}`);
}

main();
