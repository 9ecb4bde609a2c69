'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4417);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Binary classifier trained as a small neural SVM: tanh output, hinge loss, predicted class
// is the sign of the output. Synthetic "two moons" in 2-D with a few extra noise features.
const N_TRAIN = 1000;
const N_TEST = 400;
const NUM_FEATURES = 6;

function makeMoons(n) {
  const xs = [];
  const classes = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, 2);
    const t = rng.uniform(0, Math.PI);
    const px = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const py = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    const row = [px + rng.normal(0, 0.15), py + rng.normal(0, 0.15)];
    for (let k = 2; k < NUM_FEATURES; k++) row.push(rng.normal(0, 1));
    xs.push(row);
    classes.push(c);
  }
  return { xs, classes };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeMoons(N_TRAIN);
  const test = makeMoons(N_TEST);
  const toTargets = (classes) => classes.map((c) => [c]);

  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(toTargets(train.classes), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(toTargets(test.classes), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'tanh' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'hinge' });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  // Class 1 when the output is positive.
  const accuracy = (x, classes) => {
    const out = model.predict(x).dataSync();
    let correct = 0;
    for (let i = 0; i < classes.length; i++) if ((out[i] > 0 ? 1 : 0) === classes[i]) correct++;
    return correct / classes.length;
  };
  const h = history.history;
  const last = h.loss.length - 1;
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${accuracy(xTrain, train.classes).toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${accuracy(xTest, test.classes).toFixed(3)}`);
}

main();
