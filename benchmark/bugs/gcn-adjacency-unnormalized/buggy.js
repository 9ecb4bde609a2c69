'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9564);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Interest-community detection on a social network: every user belongs to one of 4 communities
// (sports, gaming, cooking, travel), mostly follows people of the same community and has a
// 24-dim profile vector (normalized activity counts per topic category). A few popular accounts
// are followed by users of every community. Only 30% of the users have a known community; a
// two-layer graph convolutional network (Kipf & Welling) propagates profile features over the
// follow graph and is trained in a full-graph custom loop on the labelled users, then scored on
// the unlabelled ones.
const COMMUNITIES = ['sports', 'gaming', 'cooking', 'travel'];
const N_USERS = 500;
const N_POPULAR = 25;
const N_FEATURES = 24;
const LABELLED_FRACTION = 0.3;
const HIDDEN = 32;
const STEPS = 200;
const LEARNING_RATE = 0.01;

function buildNetwork() {
  const labels = rng.array(N_USERS, () => rng.int(0, COMMUNITIES.length));
  const profiles = COMMUNITIES.map(() => rng.array(N_FEATURES, () => rng.uniform(0.5, 1.5)));
  const features = labels.map((c) => profiles[c].map((m) => Math.max(0, m + rng.normal(0, 1.5))));
  const edges = new Set();
  const link = (i, j) => {
    if (i === j) return;
    edges.add(i < j ? `${i},${j}` : `${j},${i}`);
  };
  const byCommunity = COMMUNITIES.map((_, c) => labels.map((l, i) => (l === c ? i : -1)).filter((i) => i >= 0));
  for (let i = N_POPULAR; i < N_USERS; i++) {
    const same = byCommunity[labels[i]];
    for (let k = 0; k < 3; k++) link(i, same[rng.int(0, same.length)]);
    if (rng.random() < 0.5) link(i, rng.int(0, N_USERS));
  }
  // popular accounts: followed by users across all communities
  for (let p = 0; p < N_POPULAR; p++) {
    const followers = rng.int(60, 150);
    for (let k = 0; k < followers; k++) link(p, rng.int(0, N_USERS));
  }
  const adjacency = new Float32Array(N_USERS * N_USERS);
  for (const e of edges) {
    const [i, j] = e.split(',').map(Number);
    adjacency[i * N_USERS + j] = 1;
    adjacency[j * N_USERS + i] = 1;
  }
  return { labels, features, adjacency, numEdges: edges.size };
}

function glorot(fanIn, fanOut) {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tf.randomUniform([fanIn, fanOut], -limit, limit);
}

async function main() {
  await tf.setBackend('wasm');

  const net = buildNetwork();
  const labelled = rng.array(N_USERS, () => (rng.random() < LABELLED_FRACTION ? 1 : 0));
  const X = tf.tensor2d(net.features, [N_USERS, N_FEATURES]);
  const Y = tf.oneHot(tf.tensor1d(net.labels, 'int32'), COMMUNITIES.length).toFloat();
  const trainMask = tf.tensor1d(labelled);
  const testMask = tf.tensor1d(labelled.map((m) => 1 - m));

  // propagation matrix: adjacency with self-loops
  const A = tf.tensor2d(net.adjacency, [N_USERS, N_USERS]).add(tf.eye(N_USERS));
  const propagation = A;

  const w1 = tf.variable(glorot(N_FEATURES, HIDDEN));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(glorot(HIDDEN, COMMUNITIES.length));
  const b2 = tf.variable(tf.zeros([COMMUNITIES.length]));

  const forward = () => {
    const h = tf.matMul(propagation, tf.matMul(X, w1)).add(b1).relu();
    return tf.matMul(propagation, tf.matMul(h, w2)).add(b2);
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(Y, forward(), trainMask), true);
    losses.push(cost.dataSync()[0]);
    cost.dispose();
  }

  const accuracy = (logits, mask) =>
    tf.tidy(() => logits.argMax(-1).equal(Y.argMax(-1)).toFloat().mul(mask).sum().div(mask.sum()).dataSync()[0]);
  const logits = forward();
  const trainAcc = accuracy(logits, trainMask);
  const testAcc = accuracy(logits, testMask);
  const testLoss = tf.losses.softmaxCrossEntropy(Y, logits, testMask).dataSync()[0];
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[STEPS - 1].toFixed(3)} train acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
