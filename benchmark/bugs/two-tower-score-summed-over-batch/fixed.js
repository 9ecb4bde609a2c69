'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9532);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Two-tower click model for article recommendations. The user tower embeds a user's profile
// (reading-time shares per section, device, account age), the item tower embeds an article's
// metadata (section mix, length, freshness), and the click logit is the dot product of the two
// embeddings. Trained with a custom loop on logged impressions (1 = clicked); the last week of
// impressions is the held-out set.
const N_USERS = 500;
const N_ITEMS = 400;
const N_TRAIN = 6000;
const N_TEST = 2000;
const LATENT = 4;
const USER_FEATURES = 12;
const ITEM_FEATURES = 10;
const EMBED = 8;
const EPOCHS = 12;
const BATCH = 128;

const randomMatrix = (rows, cols) => Array.from({ length: rows }, () => rng.array(cols, () => rng.normal(0, 1)));
const project = (z, m) => m[0].map((_, j) => z.reduce((s, zk, k) => s + zk * m[k][j], 0) + rng.normal(0, 0.3));

// hidden tastes / topics behind the logged profiles and metadata
const userToFeatures = randomMatrix(LATENT, USER_FEATURES);
const itemToFeatures = randomMatrix(LATENT, ITEM_FEATURES);
const userTaste = Array.from({ length: N_USERS }, () => rng.array(LATENT, () => rng.normal(0, 1)));
const itemTopic = Array.from({ length: N_ITEMS }, () => rng.array(LATENT, () => rng.normal(0, 1)));
const userProfiles = userTaste.map((z) => project(z, userToFeatures));
const itemMetadata = itemTopic.map((z) => project(z, itemToFeatures));

function logImpressions(n) {
  const users = [];
  const items = [];
  const clicks = [];
  for (let k = 0; k < n; k++) {
    const u = rng.int(0, N_USERS);
    const i = rng.int(0, N_ITEMS);
    const affinity = userTaste[u].reduce((s, zk, j) => s + zk * itemTopic[i][j], 0);
    users.push(userProfiles[u]);
    items.push(itemMetadata[i]);
    clicks.push(rng.random() < 1 / (1 + Math.exp(-(1.5 * affinity - 0.5))) ? 1 : 0);
  }
  return {
    users: tf.tensor2d(users, [n, USER_FEATURES]),
    items: tf.tensor2d(items, [n, ITEM_FEATURES]),
    clicks: tf.tensor1d(clicks),
  };
}

function tower(inputDim) {
  const net = tf.sequential();
  net.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [inputDim] }));
  net.add(tf.layers.dense({ units: EMBED }));
  return net;
}

// numerically stable sigmoid cross-entropy on logits
const bceWithLogits = (labels, logits) =>
  tf.mean(tf.relu(logits).sub(logits.mul(labels)).add(tf.log1p(tf.exp(tf.neg(tf.abs(logits))))));

function auc(scores, labels) {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let nPos = 0;
  order.forEach((idx, r) => {
    if (labels[idx] === 1) {
      rankSum += r + 1;
      nPos++;
    }
  });
  const nNeg = labels.length - nPos;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

async function main() {
  await tf.setBackend('wasm');

  const train = logImpressions(N_TRAIN);
  const test = logImpressions(N_TEST);
  const userTower = tower(USER_FEATURES);
  const itemTower = tower(ITEM_FEATURES);
  const optimizer = tf.train.adam(0.005);

  const epochLosses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const perm = tf.util.createShuffledIndices(N_TRAIN);
    let total = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Int32Array.from(perm.slice(start, start + BATCH)), 'int32');
      const ux = tf.gather(train.users, idx);
      const ix = tf.gather(train.items, idx);
      const y = tf.gather(train.clicks, idx);
      const loss = optimizer.minimize(() => {
        const u = userTower.apply(ux);
        const v = itemTower.apply(ix);
        const logits = tf.sum(tf.mul(u, v), -1);
        return bceWithLogits(y, logits);
      }, true);
      total += loss.dataSync()[0];
      batches++;
      tf.dispose([idx, ux, ix, y, loss]);
    }
    epochLosses.push(total / batches);
  }

  const testScores = tf.tidy(() => userTower.predict(test.users).mul(itemTower.predict(test.items)).sum(-1)).dataSync();
  const testClicks = Array.from(test.clicks.dataSync());
  const testAcc = testClicks.filter((c, k) => (testScores[k] > 0 ? 1 : 0) === c).length / N_TEST;
  console.log(`loss ${epochLosses[0].toFixed(3)} -> ${epochLosses[EPOCHS - 1].toFixed(3)} | test acc ${testAcc.toFixed(3)} test auc ${auc(Array.from(testScores), testClicks).toFixed(3)} (click rate ${(testClicks.reduce((a, b) => a + b, 0) / N_TEST).toFixed(3)})`);
}

main();
