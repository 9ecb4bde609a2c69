'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9656);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Implicit-feedback recommender for a podcast app: will a listener follow a show?
// The follow log only holds (listener, show) pairs that happened. Training pairs are the observed
// follows (label 1) plus NEG_PER_POS randomly sampled shows the listener does not follow, per
// follow. Matrix factorization with the functional API: listener and show vectors, their dot
// product, and a sigmoid unit turning it into a follow probability (binary cross-entropy).
// Two follows per listener are held out and ranked against sampled non-follows (AUC).
// wasm has no gradient for gather, so ids come in one-hot and the embedding tables are bias-free
// dense layers (same lookup, trained by matmul).
const N_USERS = 200;
const N_SHOWS = 100;
const N_TOPICS = 4;
const HELD_OUT_PER_USER = 2;
const NEG_PER_POS = 4;
const TEST_NEGATIVES = 20;
const EMBED_DIM = 16;

const EPOCHS = 12;
const BATCH_SIZE = 256;
const LEARNING_RATE = 0.01;

// Listeners follow shows whose topics match their interests.
function makeFollowLog() {
  const interest = rng.array(N_USERS, () => rng.array(N_TOPICS, () => rng.normal(0, 1)));
  const topics = rng.array(N_SHOWS, () => rng.array(N_TOPICS, () => rng.normal(0, 1)));
  const follows = rng.array(N_USERS, () => []);
  for (let u = 0; u < N_USERS; u++) {
    for (let s = 0; s < N_SHOWS; s++) {
      const affinity = interest[u].reduce((acc, t, k) => acc + t * topics[s][k], 0);
      if (affinity + rng.normal(0, 0.5) > 1.5) follows[u].push(s);
    }
  }
  return follows;
}

function sampleUnfollowed(followed) {
  let s;
  do {
    s = rng.int(0, N_SHOWS);
  } while (followed.has(s));
  return s;
}

function buildTrainingPairs(trainFollows, followedSets) {
  const users = [];
  const shows = [];
  const labels = [];
  trainFollows.forEach((list, u) => {
    for (const s of list) {
      users.push(u); shows.push(s); labels.push(1);
      for (let k = 0; k < NEG_PER_POS; k++) {
        const neg = sampleUnfollowed(followedSets[u]);
        users.push(u); shows.push(neg); labels.push(1);
      }
    }
  });
  const n = labels.length;
  return { ...encodePairs(users, shows), labels: tf.tensor2d(labels, [n, 1]), n };
}

function encodePairs(users, shows) {
  return tf.tidy(() => ({
    users: tf.oneHot(tf.tensor1d(users, 'int32'), N_USERS).toFloat(),
    shows: tf.oneHot(tf.tensor1d(shows, 'int32'), N_SHOWS).toFloat(),
  }));
}

async function main() {
  await tf.setBackend('wasm');

  const follows = makeFollowLog();
  const followedSets = follows.map((list) => new Set(list));
  const trainFollows = [];
  const heldOut = [];
  follows.forEach((list, u) => {
    const order = tf.util.createShuffledIndices(list.length);
    const shuffled = Array.from(order, (i) => list[i]);
    const nHeld = shuffled.length > 4 ? HELD_OUT_PER_USER : 0;
    heldOut.push(...shuffled.slice(0, nHeld).map((s) => [u, s]));
    trainFollows.push(shuffled.slice(nHeld));
  });
  const train = buildTrainingPairs(trainFollows, followedSets);

  const userInput = tf.input({ shape: [N_USERS], name: 'listener' });
  const showInput = tf.input({ shape: [N_SHOWS], name: 'show' });
  const userVec = tf.layers.dense({ units: EMBED_DIM, useBias: false, name: 'listener_embedding' }).apply(userInput);
  const showVec = tf.layers.dense({ units: EMBED_DIM, useBias: false, name: 'show_embedding' }).apply(showInput);
  const match = tf.layers.dot({ axes: 1 }).apply([userVec, showVec]);
  const prob = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'follow' }).apply(match);
  const model = tf.model({ inputs: [userInput, showInput], outputs: prob });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit([train.users, train.shows], train.labels, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, verbose: 0 });

  // Held-out ranking: each held-out follow against TEST_NEGATIVES shows the listener never followed.
  const testUsers = [];
  const testShows = [];
  for (const [u, s] of heldOut) {
    testUsers.push(u); testShows.push(s);
    for (let k = 0; k < TEST_NEGATIVES; k++) {
      testUsers.push(u); testShows.push(sampleUnfollowed(followedSets[u]));
    }
  }
  const m = testUsers.length;
  const test = encodePairs(testUsers, testShows);
  const scores = tf.tidy(() => model.predict([test.users, test.shows]).dataSync());
  let auc = 0;
  const group = TEST_NEGATIVES + 1;
  for (let g = 0; g < heldOut.length; g++) {
    const pos = scores[g * group];
    let wins = 0;
    for (let k = 1; k < group; k++) wins += pos > scores[g * group + k] ? 1 : pos === scores[g * group + k] ? 0.5 : 0;
    auc += wins / TEST_NEGATIVES / heldOut.length;
  }
  const meanScore = scores.reduce((a, b) => a + b, 0) / m;

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`${train.n} pairs: loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | held-out AUC ${auc.toFixed(3)} (${heldOut.length} follows x ${TEST_NEGATIVES} negatives) mean score ${meanScore.toFixed(3)}`);
}

main();
