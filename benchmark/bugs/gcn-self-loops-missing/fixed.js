'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9565);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Paper topic classification on a citation graph: each paper has a 32-dim abstract embedding
// (compressed bag-of-words) and cites three other papers. The abstract says most about the topic;
// most citations go to general methods papers and surveys that are cited from every topic, so the
// neighbours only add a little. A graph convolution layer (Kipf & Welling, symmetrically
// normalized adjacency) followed by a dense classifier is trained full-graph in a custom loop on
// the 30% of papers whose topic is known and scored on the rest.
const TOPICS = ['vision', 'language', 'theory', 'systems', 'robotics'];
const N_PAPERS = 400;
const N_METHODS = 30;
const N_FEATURES = 32;
const CITATIONS = 3;
const METHODS_CITATION = 0.9;
const LABELLED_FRACTION = 0.3;
const HIDDEN = 32;
const STEPS = 150;
const LEARNING_RATE = 0.01;

function buildCitationGraph() {
  const topics = rng.array(N_PAPERS, () => rng.int(0, TOPICS.length));
  const centroids = TOPICS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));
  const features = topics.map((t) => centroids[t].map((m) => m + rng.normal(0, 1)));
  // the first N_METHODS papers are methods papers / surveys, cited from every topic
  const regular = rng.array(N_PAPERS - N_METHODS, (i) => N_METHODS + i);
  const byTopic = TOPICS.map((_, t) => regular.filter((i) => topics[i] === t));
  const adjacency = new Float32Array(N_PAPERS * N_PAPERS);
  for (let i = N_METHODS; i < N_PAPERS; i++) {
    for (let k = 0; k < CITATIONS; k++) {
      const sameTopic = byTopic[topics[i]];
      let j = rng.random() < METHODS_CITATION ? rng.int(0, N_METHODS) : sameTopic[rng.int(0, sameTopic.length)];
      if (j === i) j = rng.int(0, N_METHODS);
      adjacency[i * N_PAPERS + j] = 1;
      adjacency[j * N_PAPERS + i] = 1;
    }
  }
  return { topics, features, adjacency };
}

function glorot(fanIn, fanOut) {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tf.randomUniform([fanIn, fanOut], -limit, limit);
}

async function main() {
  await tf.setBackend('wasm');

  const graph = buildCitationGraph();
  const labelled = rng.array(N_PAPERS, () => (rng.random() < LABELLED_FRACTION ? 1 : 0));
  const X = tf.tensor2d(graph.features, [N_PAPERS, N_FEATURES]);
  const Y = tf.oneHot(tf.tensor1d(graph.topics, 'int32'), TOPICS.length).toFloat();
  const trainMask = tf.tensor1d(labelled);
  const testMask = tf.tensor1d(labelled.map((m) => 1 - m));

  // symmetrically normalized propagation matrix A_hat
  const A = tf.tensor2d(graph.adjacency, [N_PAPERS, N_PAPERS]).add(tf.eye(N_PAPERS));
  const dInvSqrt = A.sum(1).rsqrt();
  const aHat = A.mul(dInvSqrt.reshape([N_PAPERS, 1])).mul(dInvSqrt.reshape([1, N_PAPERS]));

  const w1 = tf.variable(glorot(N_FEATURES, HIDDEN));
  const b1 = tf.variable(tf.zeros([HIDDEN]));
  const w2 = tf.variable(glorot(HIDDEN, TOPICS.length));
  const b2 = tf.variable(tf.zeros([TOPICS.length]));

  const forward = () => {
    const h = tf.matMul(aHat, tf.matMul(X, w1)).add(b1).relu();
    return tf.matMul(h, w2).add(b2);
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
