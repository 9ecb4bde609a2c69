'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5903);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tagging model: each item (20 numeric features) carries between one and three of five tags.
// Every tag adds its own signature to the features, plus noise. Targets are multi-hot vectors
// and a tag counts as predicted when its score is above 0.5.
const NUM_TAGS = 5;
const NUM_FEATURES = 20;
const N_TRAIN = 1200;
const N_TEST = 400;

const signatures = rng.array(NUM_TAGS, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1)));

function makeItems(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const tags = [0, 1, 2, 3, 4];
    for (let j = tags.length - 1; j > 0; j--) {
      const k = rng.int(0, j + 1);
      [tags[j], tags[k]] = [tags[k], tags[j]];
    }
    const chosen = tags.slice(0, rng.int(1, 4));
    const row = rng.array(NUM_FEATURES, () => rng.normal(0, 0.7));
    for (const t of chosen) for (let f = 0; f < NUM_FEATURES; f++) row[f] += signatures[t][f];
    xs.push(row);
    ys.push(rng.array(NUM_TAGS, (t) => (chosen.includes(t) ? 1 : 0)));
  }
  return { xs, ys };
}

function tagMetrics(model, x, y) {
  return tf.tidy(() => {
    const predicted = model.predict(x).greater(0.5).toFloat();
    const hits = predicted.equal(y).toFloat();
    const perTag = hits.mean().dataSync()[0];
    const exact = hits.min(1).mean().dataSync()[0];
    return { perTag, exact };
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeItems(N_TRAIN);
  const test = makeItems(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, NUM_TAGS]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, NUM_TAGS]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_TAGS, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const tr = tagMetrics(model, xTrain, yTrain);
  const te = tagMetrics(model, xTest, yTest);
  const testLoss = model.evaluate(xTest, yTest)[0].dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} tag acc ${tr.perTag.toFixed(3)} exact ${tr.exact.toFixed(3)} | test loss ${testLoss.toFixed(3)} test tag acc ${te.perTag.toFixed(3)} test exact ${te.exact.toFixed(3)}`);
}

main();
