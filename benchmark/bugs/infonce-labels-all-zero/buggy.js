'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9562);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Matching product listings across two shops. Each product appears once in shop A's catalogue
// (24 attribute scores) and once in shop B's, which records its own 20 attributes: a different,
// noisy mix of the same underlying product properties. Two small encoders map both views into a
// shared 16-d space and are trained CLIP-style: in-batch logits a b^T / temperature and softmax
// cross-entropy over the batch. Held-out: retrieve each new product's B listing from its A listing.
const LATENT = 10;
const DIM_A = 24;
const DIM_B = 20;
const EMBED = 16;
const N_TRAIN = 2048;
const N_TEST = 256;
const BATCH = 64;
const EPOCHS = 12;
const TEMPERATURE = 0.1;

const mixA = rng.array(LATENT * DIM_A, () => rng.normal(0, 1 / Math.sqrt(LATENT)));
const mixB = rng.array(LATENT * DIM_B, () => rng.normal(0, 1 / Math.sqrt(LATENT)));

function loadListings(n) {
  const a = [];
  const b = [];
  for (let i = 0; i < n; i++) {
    const z = rng.array(LATENT, () => rng.normal(0, 1));
    a.push(rng.array(DIM_A, (j) => z.reduce((s, zk, k) => s + zk * mixA[k * DIM_A + j], 0) + rng.normal(0, 0.2)));
    b.push(rng.array(DIM_B, (j) => Math.tanh(z.reduce((s, zk, k) => s + zk * mixB[k * DIM_B + j], 0)) + rng.normal(0, 0.1)));
  }
  return { a: tf.tensor2d(a, [n, DIM_A]), b: tf.tensor2d(b, [n, DIM_B]) };
}

function encoder(inputDim) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [inputDim] }));
  model.add(tf.layers.dense({ units: EMBED }));
  return model;
}

function l2normalize(x) {
  return x.div(x.square().sum(1, true).add(1e-8).sqrt());
}

function retrievalAccuracy(encA, encB, a, b) {
  return tf.tidy(() => {
    const sims = tf.matMul(l2normalize(encA.predict(a)), l2normalize(encB.predict(b)), false, true);
    const hits = sims.argMax(1).equal(tf.range(0, a.shape[0], 1, 'int32'));
    return hits.cast('float32').mean().dataSync()[0];
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadListings(N_TRAIN);
  const test = loadListings(N_TEST);

  const encA = encoder(DIM_A);
  const encB = encoder(DIM_B);
  const vars = [...encA.trainableWeights, ...encB.trainableWeights].map((w) => w.val);
  const optimizer = tf.train.adam(0.003);

  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let i = 0; i < numBatches; i++) {
      epochLoss += tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(i * BATCH, (i + 1) * BATCH)), 'int32');
        const xa = train.a.gather(idx);
        const xb = train.b.gather(idx);
        // the matching B listing of each A listing in the batch is the positive, the rest negatives
        const labels = tf.oneHot(tf.zeros([BATCH], 'int32'), BATCH);
        const loss = optimizer.minimize(() => {
          const za = l2normalize(encA.predict(xa));
          const zb = l2normalize(encB.predict(xb));
          const logits = tf.matMul(za, zb, false, true).div(TEMPERATURE);
          return tf.losses.softmaxCrossEntropy(labels, logits);
        }, true, vars);
        return loss.dataSync()[0];
      }) / numBatches;
    }
    losses.push(epochLoss);
  }

  const trainAcc = retrievalAccuracy(encA, encB, train.a.slice(0, N_TEST), train.b.slice(0, N_TEST));
  const testAcc = retrievalAccuracy(encA, encB, test.a, test.b);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | train top-1 retrieval ${trainAcc.toFixed(3)} | held-out top-1 retrieval ${testAcc.toFixed(3)} (chance ${(1 / N_TEST).toFixed(3)})`);
}

main();
