'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9157);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict the star-rating distribution (1..5 stars) of a product from 8 standardized product
// features. Each training target is the rating histogram of the product's first 8 reviews,
// normalized to fractions, and the model (softmax over 5 classes) is fitted to it with a
// KL-divergence loss.
const NUM_FEATURES = 8;
const STARS = 5;
const REVIEWS = 8;
const N_TRAIN = 1000;
const N_TEST = 250;
const EPS = 1e-7;

const w = rng.array(NUM_FEATURES, () => rng.normal(0, 0.5));

function ratingProbs(x) {
  let quality = 0;
  for (let j = 0; j < NUM_FEATURES; j++) quality += w[j] * x[j];
  const centre = 3 + 1.5 * Math.tanh(quality);
  const scores = rng.array(STARS, (k) => Math.exp(-((k + 1 - centre) ** 2) / 2));
  const total = scores.reduce((a, b) => a + b, 0);
  return scores.map((s) => s / total);
}

function makeProducts(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const probs = ratingProbs(x);
    const counts = new Array(STARS).fill(0);
    for (let r = 0; r < REVIEWS; r++) {
      let u = rng.random();
      let k = 0;
      while (k < STARS - 1 && u > probs[k]) u -= probs[k++];
      counts[k]++;
    }
    xs.push(x);
    ys.push(counts.map((c) => c / REVIEWS));
  }
  return { xs, ys };
}

// KL-divergence loss between the observed and the predicted rating distribution of each product
function klDivergence(yTrue, yPred) {
  const p = yTrue.clipByValue(EPS, 1);
  const q = yPred.clipByValue(EPS, 1);
  return q.mul(q.div(p).log()).sum(-1);
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeProducts(N_TRAIN);
  const test = makeProducts(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, STARS]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, STARS]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: STARS, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: klDivergence });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 50, shuffle: true, verbose: 0 });

  // held-out check: negative log-likelihood per held-out review, and error of the average rating
  const testLoss = model.evaluate(xTest, yTest).dataSync()[0];
  const [nll, ratingMae] = tf.tidy(() => {
    const pred = model.predict(xTest);
    const stars = tf.range(1, STARS + 1).reshape([STARS, 1]);
    const perReview = yTest.mul(pred.clipByValue(EPS, 1).log()).sum(-1).neg().mean();
    const mae = pred.matMul(stars).sub(yTest.matMul(stars)).abs().mean();
    return [perReview.dataSync()[0], mae.dataSync()[0]];
  });
  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test NLL per review ${nll.toFixed(3)} test rating MAE ${ratingMae.toFixed(3)}`);
}

main();
