'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9552);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Rating prediction for a recipe app: how much a user likes a recipe, on a 1-5 star scale.
// Users and recipes both carry dense integer ids from the app database (users 0..N_USERS-1,
// recipes 0..N_RECIPES-1). A rating depends on the user's overall generosity, the recipe's
// general appeal and how well the recipe's cuisine mix matches the user's taste. Each user's
// ratings are split into training and held-out ratings. Matrix factorization with the
// functional API: user and recipe vectors, their dot product, and a dense layer mapping it to
// the rating scale. The cpu backend is used because embedding gradients need UnsortedSegmentSum.
const N_USERS = 80;
const N_RECIPES = 70;
const N_TASTES = 3;
const RATINGS_PER_USER = 30;
const HELD_OUT_PER_USER = 6;
const EMBED_DIM = 8;

const EPOCHS = 15;
const BATCH_SIZE = 128;
const LEARNING_RATE = 0.02;

const taste = rng.array(N_USERS, () => rng.array(N_TASTES, () => rng.normal(0, 1)));
const cuisine = rng.array(N_RECIPES, () => rng.array(N_TASTES, () => rng.normal(0, 1)));
const generosity = rng.array(N_USERS, () => rng.normal(0, 0.5));
const appeal = rng.array(N_RECIPES, () => rng.normal(0, 0.8));

function rate(u, r) {
  const match = taste[u].reduce((s, t, k) => s + t * cuisine[r][k], 0) / 2;
  return Math.min(5, Math.max(1, 3.2 + generosity[u] + appeal[r] + match + rng.normal(0, 0.3)));
}

function collectRatings() {
  const train = { users: [], recipes: [], ratings: [] };
  const heldOut = { users: [], recipes: [], ratings: [] };
  for (let u = 0; u < N_USERS; u++) {
    const recipes = tf.util.createShuffledIndices(N_RECIPES).slice(0, RATINGS_PER_USER);
    recipes.forEach((r, k) => {
      const split = k < HELD_OUT_PER_USER ? heldOut : train;
      split.users.push(u);
      split.recipes.push(r);
      split.ratings.push(rate(u, r));
    });
  }
  return { train, heldOut };
}

function toTensors(split) {
  const n = split.ratings.length;
  return {
    users: tf.tensor2d(split.users, [n, 1], 'int32'),
    recipes: tf.tensor2d(split.recipes, [n, 1], 'int32'),
    ratings: tf.tensor2d(split.ratings, [n, 1]),
  };
}

async function main() {
  await tf.setBackend('cpu');

  const { train, heldOut } = collectRatings();
  const trainSet = toTensors(train);
  const testSet = toTensors(heldOut);

  const userInput = tf.input({ shape: [1], dtype: 'int32', name: 'user' });
  const recipeInput = tf.input({ shape: [1], dtype: 'int32', name: 'recipe' });
  const idEmbedding = tf.layers.embedding({ inputDim: Math.max(N_USERS, N_RECIPES), outputDim: EMBED_DIM, name: 'id_embedding' });
  const userVec = tf.layers.flatten().apply(idEmbedding.apply(userInput));
  const recipeVec = tf.layers.flatten().apply(idEmbedding.apply(recipeInput));
  const match = tf.layers.dot({ axes: 1 }).apply([userVec, recipeVec]);
  const rating = tf.layers.dense({ units: 1, name: 'rating' }).apply(match);
  const model = tf.model({ inputs: [userInput, recipeInput], outputs: rating });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit([trainSet.users, trainSet.recipes], trainSet.ratings, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate([testSet.users, testSet.recipes], testSet.ratings).map((t) => t.dataSync()[0]);
  const testVar = tf.tidy(() => tf.moments(testSet.ratings).variance.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test mse ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (rating variance ${testVar.toFixed(3)})`);
}

main();
