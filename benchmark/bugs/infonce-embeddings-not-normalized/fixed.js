'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9601);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Matching recipes to photos of the dish. Each dish is described twice: by its recipe
// (30 ingredient/technique weights from the text) and by 24 colour/texture statistics from the
// photo; both are noisy views of the same 8 underlying dish properties. A recipe encoder and a
// photo encoder map both into a shared 32-d space and are trained CLIP-style: logits are the
// recipe-photo similarities over the batch divided by a temperature of 0.07, with a symmetric
// cross-entropy whose targets are the diagonal, optimized with SGD + momentum as in SimCLR.
// Held-out: find each new recipe's photo among the 256 held-out photos.
const LATENT = 8;
const DIM_RECIPE = 30;
const DIM_PHOTO = 24;
const EMBED = 32;
const N_TRAIN = 2048;
const N_TEST = 256;
const BATCH = 64;
const EPOCHS = 10;
const TEMPERATURE = 0.07;

const mixRecipe = rng.array(LATENT * DIM_RECIPE, () => rng.normal(0, 1 / Math.sqrt(LATENT)));
const mixPhoto = rng.array(LATENT * DIM_PHOTO, () => rng.normal(0, 1 / Math.sqrt(LATENT)));

function loadDishes(n) {
  const recipes = [];
  const photos = [];
  for (let i = 0; i < n; i++) {
    const z = rng.array(LATENT, () => rng.normal(0, 1));
    recipes.push(rng.array(DIM_RECIPE, (j) => Math.max(0, z.reduce((s, zk, k) => s + zk * mixRecipe[k * DIM_RECIPE + j], 0) + rng.normal(0, 0.3))));
    photos.push(rng.array(DIM_PHOTO, (j) => Math.tanh(z.reduce((s, zk, k) => s + zk * mixPhoto[k * DIM_PHOTO + j], 0)) + rng.normal(0, 0.15)));
  }
  return { recipe: tf.tensor2d(recipes, [n, DIM_RECIPE]), photo: tf.tensor2d(photos, [n, DIM_PHOTO]) };
}

function encoder(inputDim) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [inputDim] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: EMBED }));
  return model;
}

function embed(model, x) {
  const e = model.apply(x); // [batch, EMBED]
  return tf.div(e, tf.norm(e, 2, -1, true));
}

function retrievalAccuracy(encRecipe, encPhoto, recipe, photo) {
  return tf.tidy(() => {
    const sims = tf.matMul(embed(encRecipe, recipe), embed(encPhoto, photo), false, true);
    const hits = sims.argMax(1).equal(tf.range(0, recipe.shape[0], 1, 'int32'));
    return hits.cast('float32').mean().dataSync()[0];
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadDishes(N_TRAIN);
  const test = loadDishes(N_TEST);

  const encRecipe = encoder(DIM_RECIPE);
  const encPhoto = encoder(DIM_PHOTO);
  const vars = [...encRecipe.trainableWeights, ...encPhoto.trainableWeights].map((w) => w.val);
  const optimizer = tf.train.momentum(0.05, 0.9);
  const targets = tf.oneHot(tf.range(0, BATCH, 1, 'int32'), BATCH);

  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let i = 0; i < numBatches; i++) {
      epochLoss += tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(i * BATCH, (i + 1) * BATCH)), 'int32');
        const xr = train.recipe.gather(idx);
        const xp = train.photo.gather(idx);
        const loss = optimizer.minimize(() => {
          const logits = tf.matMul(embed(encRecipe, xr), embed(encPhoto, xp), false, true).div(TEMPERATURE);
          const recipeToPhoto = tf.losses.softmaxCrossEntropy(targets, logits);
          const photoToRecipe = tf.losses.softmaxCrossEntropy(targets, logits.transpose());
          return recipeToPhoto.add(photoToRecipe).div(2);
        }, true, vars);
        return loss.dataSync()[0];
      }) / numBatches;
    }
    losses.push(epochLoss);
  }

  const trainAcc = retrievalAccuracy(encRecipe, encPhoto, train.recipe.slice(0, N_TEST), train.photo.slice(0, N_TEST));
  const testAcc = retrievalAccuracy(encRecipe, encPhoto, test.recipe, test.photo);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | train top-1 retrieval ${trainAcc.toFixed(3)} | held-out top-1 retrieval ${testAcc.toFixed(3)} (chance ${(1 / N_TEST).toFixed(3)})`);
}

main();
