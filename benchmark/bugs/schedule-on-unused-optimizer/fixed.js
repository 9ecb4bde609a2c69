'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4077);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Regression MLP on a synthetic smooth response surface over 6 standardized inputs, trained with
// plain SGD. The learning rate starts high and is decayed exponentially after every epoch.
const NUM_FEATURES = 6;
const INITIAL_LR = 0.45;
const DECAY = 0.85;
const EPOCHS = 30;

function makeData(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const r = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const y = Math.sin(r[0]) + 0.5 * r[1] * r[2] - 0.8 * r[3] + 0.3 * r[4] * r[4] + rng.normal(0, 0.1);
    xs.push(r);
    ys.push([y]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeData(800);
  const test = makeData(200);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.sgd(INITIAL_LR);
  model.compile({ optimizer, loss: 'meanSquaredError' });

  const lrSchedule = {
    onEpochEnd: async (epoch) => {
      optimizer.setLearningRate(INITIAL_LR * Math.pow(DECAY, epoch + 1));
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    callbacks: [lrSchedule],
    verbose: 0,
  });

  const losses = history.history.loss;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  const variance = yTest.sub(yTest.mean()).square().mean().dataSync()[0];
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | test mse ${testLoss.toFixed(3)} (target variance ${variance.toFixed(3)})`);
}

main();
