'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5127);
const tf = require('@tensorflow/tfjs');

// Land-cover classification of satellite pixels (water / forest / cropland / urban / bare soil)
// from 10 standardized spectral-band reflectances. Each cover type has its own spectral signature
// and pixels scatter around it; some cover types are much more common than others. MLP with a
// softmax output, trained with model.fit on a hand-written negative log-likelihood of the true
// class (the probability the model gives each pixel's class, picked by class id).
const CLASSES = ['water', 'forest', 'cropland', 'urban', 'bare'];
const PRIORS = [0.4, 0.25, 0.17, 0.1, 0.08];
const N_BANDS = 10;
const N_TRAIN = 1000;
const N_TEST = 400;

const signatures = CLASSES.map(() => rng.array(N_BANDS, () => rng.normal(0, 1)));

function drawClass() {
  let u = rng.random();
  for (let c = 0; c < CLASSES.length - 1; c++) {
    u -= PRIORS[c];
    if (u < 0) return c;
  }
  return CLASSES.length - 1;
}

function makePixels(n) {
  const xs = [];
  const ids = [];
  for (let i = 0; i < n; i++) {
    const c = drawClass();
    xs.push(signatures[c].map((m) => m + rng.normal(0, 0.8)));
    ids.push(c);
  }
  return { xs, ids };
}

// negative log-likelihood of each pixel's true class under the predicted distribution
function nllLoss(yTrue, yPred) {
  return tf.tidy(() => {
    const ids = yTrue.argMax(-1);
    const picked = tf.gather(yPred, ids, 1);
    return picked.clipByValue(1e-7, 1).log().neg().mean();
  });
}

async function main() {
  await tf.setBackend('cpu');

  const train = makePixels(N_TRAIN);
  const test = makePixels(N_TEST);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.oneHot(tf.tensor1d(train.ids, 'int32'), CLASSES.length).toFloat();
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.oneHot(tf.tensor1d(test.ids, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: nllLoss, metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const majority = test.ids.filter((c) => c === 0).length / N_TEST;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (majority class ${majority.toFixed(3)})`);
}

main();
