'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9668);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Delivery-time estimate for a food delivery app: minutes from order to door, from the route
// distance (km), the restaurant's prep-time estimate (min), hour of day, rain, the courier's
// experience (deliveries completed) and the number of items. Ported from the team's Keras
// notebook: plain SGD and a step-decay callback that halves the rate every 5 epochs.
const N_TRAIN = 2000;
const N_TEST = 600;
const EPOCHS = 30;
const DECAY_EVERY = 5;

function deliveries(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const distance = rng.uniform(0.5, 9);
    const prep = rng.uniform(5, 30);
    const hour = rng.int(10, 24);
    const rain = rng.random() < 0.2 ? 1 : 0;
    const experience = rng.int(0, 800);
    const items = rng.int(1, 9);
    const rush = (hour >= 12 && hour <= 13) || (hour >= 18 && hour <= 20) ? 1 : 0;
    const minutes = 6 + prep + distance * (3.2 + 1.5 * rain + 1.2 * rush) + 0.6 * items
      - 4 * Math.min(experience, 400) / 400 + rng.normal(0, 2.5);
    xs.push([distance, prep, hour, rain, experience, items]);
    ys.push([minutes]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = deliveries(N_TRAIN);
  const test = deliveries(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs);
  const xTestRaw = tf.tensor2d(test.xs);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  // minutes are standardized for training and mapped back for the report
  const yMean = train.ys.reduce((a, [y]) => a + y, 0) / N_TRAIN;
  const ySd = Math.sqrt(train.ys.reduce((a, [y]) => a + (y - yMean) ** 2, 0) / N_TRAIN);
  const yTrain = tf.tensor2d(train.ys).sub(yMean).div(ySd);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [6] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.sgd(0.05);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['mae'] });

  // step decay: halve the learning rate every DECAY_EVERY epochs
  const stepDecay = {
    onEpochEnd: async (epoch) => {
      if ((epoch + 1) % DECAY_EVERY === 0) {
        optimizer.setLearningRate(optimizer.learningRate * 0.5);
      }
    },
  };

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    verbose: 0,
    callbacks: [stepDecay],
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const pred = model.predict(xTest).mul(ySd).add(yMean);
  const testMae = tf.mean(tf.abs(pred.sub(yTest))).dataSync()[0];
  const testR2 = 1 - tf.mean(tf.square(pred.sub(yTest))).dataSync()[0] / tf.moments(yTest).variance.dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test mae ${testMae.toFixed(2)} min test R2 ${testR2.toFixed(3)}`);
}

main();
