'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3637);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Rating prediction for a recommender: a user is described by 6 standardized profile features
// (activity, tenure, genre affinities, ...), an item by 6 standardized catalogue features
// (popularity, price, genre scores, ...). Two-tower model: one dense tower per input, the two
// embeddings concatenated and mapped to the rating. Ratings of new user-item pairs are held out.
const USER_FEATURES = 6;
const ITEM_FEATURES = 6;
const N_TRAIN = 2000;
const N_TEST = 500;

const userWeights = rng.array(USER_FEATURES, () => rng.normal(0, 0.5));
const itemWeights = rng.array(ITEM_FEATURES, () => rng.normal(0, 0.5));
const affinity = rng.array(USER_FEATURES, () => rng.array(ITEM_FEATURES, () => rng.normal(0, 0.3)));

function makeRatings(n) {
  const users = [];
  const items = [];
  const ratings = [];
  for (let k = 0; k < n; k++) {
    const u = rng.array(USER_FEATURES, () => rng.normal(0, 1));
    const it = rng.array(ITEM_FEATURES, () => rng.normal(0, 1));
    let r = 3.5 + 0.4 * Math.tanh(u[0] + u[1]) + 0.5 * it[0] * it[0] - 0.5;
    for (let i = 0; i < USER_FEATURES; i++) r += userWeights[i] * u[i];
    for (let j = 0; j < ITEM_FEATURES; j++) r += itemWeights[j] * it[j];
    for (let i = 0; i < USER_FEATURES; i++) for (let j = 0; j < ITEM_FEATURES; j++) r += affinity[i][j] * u[i] * it[j];
    users.push(u);
    items.push(it);
    ratings.push([r + rng.normal(0, 0.2)]);
  }
  return { users, items, ratings };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeRatings(N_TRAIN);
  const test = makeRatings(N_TEST);
  const userX = tf.tensor2d(train.users, [N_TRAIN, USER_FEATURES]);
  const itemX = tf.tensor2d(train.items, [N_TRAIN, ITEM_FEATURES]);
  const y = tf.tensor2d(train.ratings, [N_TRAIN, 1]);
  const testUserX = tf.tensor2d(test.users, [N_TEST, USER_FEATURES]);
  const testItemX = tf.tensor2d(test.items, [N_TEST, ITEM_FEATURES]);
  const testY = tf.tensor2d(test.ratings, [N_TEST, 1]);

  const userIn = tf.input({ shape: [USER_FEATURES], name: 'user' });
  const itemIn = tf.input({ shape: [ITEM_FEATURES], name: 'item' });
  const userVec = tf.layers.dense({ units: 32, activation: 'relu' }).apply(tf.layers.dense({ units: 32, activation: 'relu' }).apply(userIn));
  const itemVec = tf.layers.dense({ units: 32, activation: 'relu' }).apply(tf.layers.dense({ units: 32, activation: 'relu' }).apply(itemIn));
  const joined = tf.layers.concatenate().apply([userVec, itemVec]);
  const hidden = tf.layers.dense({ units: 32, activation: 'relu' }).apply(joined);
  const rating = tf.layers.dense({ units: 1 }).apply(hidden);
  const model = tf.model({ inputs: [userIn, itemIn], outputs: rating });
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit([userX, itemX], y, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate([testItemX, testUserX], testY).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
