'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5172);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Movie rating prediction from two feature vectors: 10 standardized user features (age, activity,
// genre affinities, ...) and 8 standardized movie features (genre mix, runtime, popularity, ...).
// A rating depends on how well the user's taste matches the movie plus how good the movie is in
// general. Two-tower model: each input goes through its own dense branch, the branches are
// concatenated and a small dense head predicts the rating.
const N_USER_FEATURES = 10;
const N_ITEM_FEATURES = 8;
const N_FACTORS = 4;
const N_TRAIN = 2000;
const N_TEST = 500;

const userFactors = rng.array(N_USER_FEATURES, () => rng.array(N_FACTORS, () => rng.normal(0, 0.25)));
const itemFactors = rng.array(N_ITEM_FEATURES, () => rng.array(N_FACTORS, () => rng.normal(0, 0.25)));
const itemQuality = rng.array(N_ITEM_FEATURES, () => rng.normal(0, 0.4));
const userBias = rng.array(N_USER_FEATURES, () => rng.normal(0, 0.1));

function project(x, factors) {
  const out = new Array(N_FACTORS).fill(0);
  for (let i = 0; i < x.length; i++) for (let k = 0; k < N_FACTORS; k++) out[k] += x[i] * factors[i][k];
  return out;
}

function makeRatings(n) {
  const users = [];
  const items = [];
  const ratings = [];
  for (let i = 0; i < n; i++) {
    const u = rng.array(N_USER_FEATURES, () => rng.normal(0, 1));
    const m = rng.array(N_ITEM_FEATURES, () => rng.normal(0, 1));
    const pu = project(u, userFactors);
    const qm = project(m, itemFactors);
    let r = 3.5;
    for (let k = 0; k < N_FACTORS; k++) r += pu[k] * qm[k];
    for (let j = 0; j < N_ITEM_FEATURES; j++) r += itemQuality[j] * m[j];
    for (let j = 0; j < N_USER_FEATURES; j++) r += userBias[j] * u[j];
    users.push(u);
    items.push(m);
    ratings.push([r + rng.normal(0, 0.2)]);
  }
  return { users, items, ratings };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRatings(N_TRAIN);
  const test = makeRatings(N_TEST);
  const uTrain = tf.tensor2d(train.users, [N_TRAIN, N_USER_FEATURES]);
  const mTrain = tf.tensor2d(train.items, [N_TRAIN, N_ITEM_FEATURES]);
  const yTrain = tf.tensor2d(train.ratings, [N_TRAIN, 1]);
  const uTest = tf.tensor2d(test.users, [N_TEST, N_USER_FEATURES]);
  const mTest = tf.tensor2d(test.items, [N_TEST, N_ITEM_FEATURES]);
  const yTest = tf.tensor2d(test.ratings, [N_TEST, 1]);

  const userInput = tf.input({ shape: [N_USER_FEATURES], name: 'user' });
  const itemInput = tf.input({ shape: [N_ITEM_FEATURES], name: 'item' });
  const userHidden = tf.layers.dense({ units: 32, activation: 'relu', name: 'user_tower' }).apply(userInput);
  const itemHidden = tf.layers.dense({ units: 32, activation: 'relu', name: 'item_tower' }).apply(itemInput);
  const joined = tf.layers.concatenate().apply([userHidden, itemHidden]);
  const head = tf.layers.dense({ units: 64, activation: 'relu' }).apply(joined);
  const rating = tf.layers.dense({ units: 1 }).apply(head);
  const model = tf.model({ inputs: [userInput, itemInput], outputs: rating });
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit([uTrain, mTrain], yTrain, { epochs: 30, batchSize: 64, validationSplit: 0.1, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate([uTest, mTest], yTest).map((t) => t.dataSync()[0]);
  const ratingStd = yTest.sub(yTest.mean()).square().mean().sqrt().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (rating std ${ratingStd.toFixed(3)})`);
}

main();
