'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3471);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wine tasting panel: 20 judges each give a wine one of 5 grades, and the model predicts how the
// panel's votes are spread over the grades from 10 lab measurements (standardized). The target is
// the vote distribution itself, so the loss is the KL divergence from the panel's distribution to
// the predicted one, written by hand (terms with no votes contribute nothing). Custom loop with
// optimizer.minimize, mini-batches of 32.
const GRADES = 5;
const JUDGES = 20;
const NUM_FEATURES = 10;
const N_TRAIN = 1200;
const N_TEST = 400;
const BATCH = 32;
const EPOCHS = 20;

const wQuality = rng.array(NUM_FEATURES, () => rng.normal(0, 0.6));
const wTaste = rng.array(NUM_FEATURES, () => rng.normal(0, 0.6));

function makePanel(n) {
  const xs = [];
  const votes = [];
  for (let i = 0; i < n; i++) {
    const x = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const a = x.reduce((s, v, j) => s + v * wQuality[j], 0);
    const b = x.reduce((s, v, j) => s + v * wTaste[j], 0);
    const centre = 2 + 1.2 * Math.tanh(a) + 0.4 * Math.sin(b);
    const spread = 0.5 + 0.3 * (1 + Math.tanh(b)) / 2;
    const counts = new Array(GRADES).fill(0);
    for (let j = 0; j < JUDGES; j++) {
      const g = Math.round(centre + rng.normal(0, spread));
      counts[Math.min(GRADES - 1, Math.max(0, g))] += 1;
    }
    xs.push(x);
    votes.push(counts.map((c) => c / JUDGES));
  }
  return { xs, votes };
}

function klDivergence(yTrue, yPred) {
  const terms = tf.where(yTrue.greater(0), yTrue.mul(tf.log(yTrue.div(yPred))), tf.zerosLike(yTrue));
  return terms.sum(-1).mean();
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePanel(N_TRAIN);
  const test = makePanel(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_FEATURES]);
  const yTrain = tf.tensor2d(train.votes, [N_TRAIN, GRADES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.votes, [N_TEST, GRADES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: GRADES, activation: 'softmax' }));

  const optimizer = tf.train.adam(0.005);

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = Array.from(order.slice(start, start + BATCH));
      const loss = tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(xTrain, ids);
        const yb = tf.gather(yTrain, ids);
        return optimizer.minimize(() => klDivergence(yb, model.apply(xb, { training: true })), true);
      });
      epochLoss += loss.dataSync()[0];
      loss.dispose();
      batches++;
    }
    losses.push(epochLoss / batches);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const probs = model.predict(x);
      const kl = klDivergence(y, probs).dataSync()[0];
      const topAgree = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [kl, topAgree];
    });
  const [trainKl, trainTop] = evaluate(xTrain, yTrain);
  const [testKl, testTop] = evaluate(xTest, yTest);
  const baseline = tf.tidy(() => klDivergence(yTest, yTrain.mean(0, true).tile([N_TEST, 1])).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train kl ${trainKl.toFixed(3)} top-grade acc ${trainTop.toFixed(3)} | test kl ${testKl.toFixed(3)} test top-grade acc ${testTop.toFixed(3)} (kl of mean distribution ${baseline.toFixed(3)})`);
}

main();
