'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5382);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of map tiles from 8 standardized spectral/terrain features
// (forest / cropland / water / urban). Several small MLPs are trained from different random
// initializations and combined into one ensemble model, which is what gets evaluated and shipped.
const CLASSES = ['forest', 'cropland', 'water', 'urban'];
const NUM_FEATURES = 8;
const N_TRAIN = 600;
const N_TEST = 400;
const NUM_MEMBERS = 4;

function makeTiles(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const f = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const scores = [f[0] * f[1] + 0.5 * f[2], f[3] - f[4] * f[0], Math.abs(f[5]) - 0.8 + 0.5 * f[6], f[7] * f[2] - 0.5 * f[1]];
    xs.push(f);
    labels.push(scores.indexOf(Math.max(...scores)));
  }
  return { xs, labels };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTiles(N_TRAIN);
  const test = makeTiles(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const members = [];
  const memberAcc = [];
  for (let k = 0; k < NUM_MEMBERS; k++) {
    const member = buildModel();
    await member.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });
    memberAcc.push(member.evaluate(xTest, yTest)[1].dataSync()[0]);
    members.push(member);
  }

  // Combine the members into one model.
  const ensemble = buildModel();
  ensemble.setWeights(members[0].getWeights().map((_, i) => tf.stack(members.map((m) => m.getWeights()[i])).mean(0)));
  const predictEnsemble = (x) => ensemble.predict(x);

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const probs = predictEnsemble(x);
      const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
      const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  const memberList = memberAcc.map((a) => a.toFixed(3)).join(' ');
  console.log(`ensemble: train loss ${trainLoss.toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (members' test acc ${memberList})`);
}

main();
