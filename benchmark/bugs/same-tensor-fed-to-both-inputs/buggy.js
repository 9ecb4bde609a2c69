'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9537);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predicts whether a support ticket gets escalated to the engineering team.
// Two kinds of inputs are available for each ticket:
//  - account metadata (plan tier, seats, account age, open tickets, ...), already numeric
//  - message features computed by the ticketing system from the ticket text
//    (keyword scores for "crash", "data loss", "refund", sentiment, length, ...)
// Each kind gets its own small dense branch; the branches are concatenated and a sigmoid
// head outputs the escalation probability. Last month's tickets are the held-out set.
const N_TRAIN = 2000;
const N_TEST = 600;
const META_DIM = 8;
const FEAT_DIM = 8;

function loadTickets(n) {
  const meta = [];
  const feats = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const tier = rng.int(0, 3);
    const seats = Math.log1p(rng.int(1, 500));
    const accountYears = rng.uniform(0, 8);
    const openTickets = rng.int(0, 6);
    const m = [
      tier, seats / 6, accountYears / 8, openTickets / 5,
      rng.random() < 0.3 ? 1 : 0, rng.uniform(0, 1), rng.uniform(0, 1), rng.random() < 0.5 ? 1 : 0,
    ];
    const crash = rng.uniform(0, 1);
    const dataLoss = rng.uniform(0, 1);
    const refund = rng.uniform(0, 1);
    const sentiment = rng.uniform(-1, 1);
    const f = [
      crash, dataLoss, refund, sentiment,
      rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0, 1),
    ];
    // engineering escalation is driven mainly by what the customer wrote
    const score = 0.6 * (tier - 1) + 3.5 * (crash - 0.5) + 4.5 * (dataLoss - 0.5) - 2.5 * (refund - 0.5)
      - 1.5 * sentiment + 0.4 * (openTickets - 2.5) / 2.5 + rng.normal(0, 0.4);
    meta.push(m);
    feats.push(f);
    labels.push([score > 0 ? 1 : 0]);
  }
  return {
    metaX: tf.tensor2d(meta, [n, META_DIM]),
    featX: tf.tensor2d(feats, [n, FEAT_DIM]),
    ys: tf.tensor2d(labels, [n, 1]),
  };
}

function buildModel() {
  const metaIn = tf.input({ shape: [META_DIM], name: 'meta' });
  const featIn = tf.input({ shape: [FEAT_DIM], name: 'message' });
  const metaBranch = tf.layers.dense({ units: 16, activation: 'relu' }).apply(metaIn);
  const featBranch = tf.layers.dense({ units: 32, activation: 'relu' }).apply(featIn);
  const merged = tf.layers.concatenate().apply([metaBranch, featBranch]);
  const hidden = tf.layers.dense({ units: 16, activation: 'relu' }).apply(merged);
  const out = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(hidden);
  return tf.model({ inputs: [metaIn, featIn], outputs: out });
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadTickets(N_TRAIN);
  const test = loadTickets(N_TEST);

  const model = buildModel();
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit([train.metaX, train.metaX], train.ys, {
    epochs: 30,
    batchSize: 64,
    shuffle: true,
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate([test.metaX, test.metaX], test.ys).map((t) => t.dataSync()[0]);
  const positiveRate = test.ys.mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (escalated ${positiveRate.toFixed(2)})`);
}

main();
