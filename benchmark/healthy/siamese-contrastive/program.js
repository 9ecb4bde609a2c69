'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6283);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// A siamese network in the style of the Keras tutorial "Image similarity estimation using a
// Siamese Network with a contrastive loss", shrunk to dense layers on synthetic vectors: 16-dim
// points from 6 classes whose class structure lives in 6 informative features, the other 10
// being larger nuisance noise. One shared encoder maps each member of a pair to an 8-dim
// embedding; the Euclidean distance between the two embeddings (epsilon inside the sqrt so its
// gradient stays finite at 0) feeds a hand-written contrastive loss minimized in a custom loop.
// Each batch is drawn half same-class, half different-class pairs.
const DIM = 16;
const INFORMATIVE = 6;
const CLASSES = 6;
const EMBED = 8;
const MARGIN = 1;
const BATCH = 64;
const STEPS = 600;

const centres = rng.array(CLASSES, () => rng.array(DIM, (j) => (j < INFORMATIVE ? rng.normal(0, 1.5) : 0)));

function makePoints(n) {
  const x = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES);
    x.push(centres[c].map((m, j) => m + rng.normal(0, j < INFORMATIVE ? 0.8 : 2)));
    labels.push(c);
  }
  return { x, labels };
}

// Half the pairs share a class (y = 1), half do not (y = 0).
function makePairs(labels, n) {
  const byClass = rng.array(CLASSES, () => []);
  labels.forEach((c, i) => byClass[c].push(i));
  const a = [];
  const b = [];
  const y = [];
  for (let k = 0; k < n; k++) {
    const i = rng.int(0, labels.length);
    const same = k % 2 === 0;
    let j;
    if (same) {
      const pool = byClass[labels[i]];
      j = pool[rng.int(0, pool.length)];
    } else {
      const other = (labels[i] + rng.int(1, CLASSES)) % CLASSES;
      j = byClass[other][rng.int(0, byClass[other].length)];
    }
    a.push(i);
    b.push(j);
    y.push(same ? 1 : 0);
  }
  return { a, b, y };
}

function euclideanDistance(u, v) {
  return tf.sqrt(tf.sum(tf.square(u.sub(v)), 1).add(1e-6));
}

// y * d^2 + (1 - y) * max(margin - d, 0)^2, averaged over the batch.
function contrastiveLoss(y, d) {
  const similar = y.mul(d.square());
  const dissimilar = tf.scalar(1).sub(y).mul(tf.relu(tf.scalar(MARGIN).sub(d)).square());
  return similar.add(dissimilar).mean();
}

// Accuracy of "same class iff distance < threshold".
function pairAccuracy(dist, y, threshold) {
  let correct = 0;
  for (let k = 0; k < y.length; k++) if ((dist[k] < threshold ? 1 : 0) === y[k]) correct++;
  return correct / y.length;
}

function bestThreshold(dist, y) {
  let best = { threshold: 0, acc: 0 };
  for (const t of Array.from(dist).sort((p, q) => p - q)) {
    const acc = pairAccuracy(dist, y, t + 1e-9);
    if (acc > best.acc) best = { threshold: t + 1e-9, acc };
  }
  return best;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePoints(1200);
  const test = makePoints(600);
  const xTrainRaw = tf.tensor2d(train.x, [train.x.length, DIM]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTestRaw = tf.tensor2d(test.x, [test.x.length, DIM]);
  const xTest = xTestRaw.sub(mean).div(std);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [DIM] }));
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: EMBED }));

  const optimizer = tf.train.adam(0.002);
  const variables = encoder.trainableWeights.map((w) => w.read());

  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    const pairs = makePairs(train.labels, BATCH);
    const ia = tf.tensor1d(pairs.a, 'int32');
    const ib = tf.tensor1d(pairs.b, 'int32');
    const y = tf.tensor1d(pairs.y, 'float32');
    const xa = tf.gather(xTrain, ia);
    const xb = tf.gather(xTrain, ib);
    const cost = optimizer.minimize(() => {
      const d = euclideanDistance(encoder.apply(xa), encoder.apply(xb));
      return contrastiveLoss(y, d);
    }, true, variables);
    losses.push(cost.dataSync()[0]);
    tf.dispose([ia, ib, y, xa, xb, cost]);
  }

  // Pick the distance threshold on pairs of training points, then score fresh pairs of held-out
  // points; the untrained comparison is the same procedure on raw standardized inputs.
  const pairDistances = (x, pairs, embed) => tf.tidy(() => {
    const xa = tf.gather(x, tf.tensor1d(pairs.a, 'int32'));
    const xb = tf.gather(x, tf.tensor1d(pairs.b, 'int32'));
    return euclideanDistance(embed(xa), embed(xb)).dataSync();
  });
  const calib = makePairs(train.labels, 2000);
  const held = makePairs(test.labels, 2000);
  const embed = (t) => encoder.predict(t);
  const identity = (t) => t;
  const { threshold } = bestThreshold(pairDistances(xTrain, calib, embed), calib.y);
  const testAcc = pairAccuracy(pairDistances(xTest, held, embed), held.y, threshold);
  const rawThreshold = bestThreshold(pairDistances(xTrain, calib, identity), calib.y).threshold;
  const rawAcc = pairAccuracy(pairDistances(xTest, held, identity), held.y, rawThreshold);
  const avg = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  console.log(`contrastive loss ${avg(losses.slice(0, 20)).toFixed(3)} -> ${avg(losses.slice(-20)).toFixed(3)} | held-out pair accuracy ${testAcc.toFixed(3)} at threshold ${threshold.toFixed(3)} (raw-input distance ${rawAcc.toFixed(3)}, chance 0.5)`);
}

main();
