'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9678);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Support-ticket urgency classifier: one self-attention head over the ticket's words, written
// with raw tf ops in a custom training loop. Tickets are word-id sequences zero-padded to MAX_LEN;
// a ticket is urgent when its escalation words outnumber its reassurance words. Positions attend
// only among real words (a pair mask built from the padding mask), the attended vectors are
// mean-pooled over the real words, and a small dense head gives the logit. Runs on the cpu
// backend (wasm has no kernel for the gradient of the embedding gather).
const URGENT = ['outage', 'down', 'crash', 'broken', 'asap', 'critical', 'blocked', 'failing'];
const CALM = ['question', 'whenever', 'minor', 'thanks', 'curious', 'someday', 'small', 'fyi'];
const FILLER = ['the', 'our', 'server', 'login', 'page', 'is', 'we', 'have', 'a', 'with', 'app',
  'account', 'since', 'today', 'team', 'please', 'check', 'about', 'billing', 'api', 'and', 'it'];
const VOCAB = ['<pad>', ...URGENT, ...CALM, ...FILLER];
const wordIndex = new Map(VOCAB.map((w, i) => [w, i]));
const MAX_LEN = 12;
const DIM = 16;
const HIDDEN = 16;
const N_TRAIN = 640;
const N_TEST = 300;
const EPOCHS = 4;
const BATCH = 32;

function pick(list) {
  return list[rng.int(0, list.length)];
}

function makeTickets(n) {
  const ids = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const length = rng.int(4, MAX_LEN + 1);
    const nUrgent = rng.int(1, 4);
    const nCalm = rng.random() < 0.5 ? nUrgent - 1 : nUrgent + 1;
    const words = rng.array(Math.max(length - nUrgent - nCalm, 0), () => pick(FILLER));
    for (let k = 0; k < nUrgent; k++) words.splice(rng.int(0, words.length + 1), 0, pick(URGENT));
    for (let k = 0; k < nCalm; k++) words.splice(rng.int(0, words.length + 1), 0, pick(CALM));
    const row = words.slice(0, MAX_LEN).map((w) => wordIndex.get(w));
    while (row.length < MAX_LEN) row.push(0);
    ids.push(row);
    labels.push([nUrgent > nCalm ? 1 : 0]);
  }
  return { ids, labels };
}

function initParams() {
  const s = 1 / Math.sqrt(DIM);
  return {
    embedding: tf.variable(tf.randomNormal([VOCAB.length, DIM], 0, 0.3)),
    wq: tf.variable(tf.randomNormal([DIM, DIM], 0, s)),
    wk: tf.variable(tf.randomNormal([DIM, DIM], 0, s)),
    wv: tf.variable(tf.randomNormal([DIM, DIM], 0, s)),
    w1: tf.variable(tf.randomNormal([DIM, HIDDEN], 0, Math.sqrt(2 / DIM))),
    b1: tf.variable(tf.zeros([HIDDEN])),
    w2: tf.variable(tf.randomNormal([HIDDEN, 1], 0, Math.sqrt(1 / HIDDEN))),
    b2: tf.variable(tf.zeros([1])),
  };
}

function forward(p, ids) {
  const x = tf.gather(p.embedding, ids); // [batch, len, dim]
  const project = (w) => x.reshape([-1, DIM]).matMul(w).reshape([-1, MAX_LEN, DIM]);
  const q = project(p.wq);
  const k = project(p.wk);
  const v = project(p.wv);
  const scores = tf.matMul(q, k, false, true).div(Math.sqrt(DIM)); // [batch, len, len]
  const valid = tf.notEqual(ids, 0); // real words
  const pairMask = tf.logicalAnd(valid.expandDims(2), valid.expandDims(1));
  const masked = tf.where(pairMask, scores, tf.fill(scores.shape, -Infinity));
  const attended = tf.matMul(tf.softmax(masked), v); // [batch, len, dim]
  const weights = valid.cast('float32').expandDims(2);
  const pooled = attended.mul(weights).sum(1).div(weights.sum(1));
  return pooled.matMul(p.w1).add(p.b1).relu().matMul(p.w2).add(p.b2);
}

async function main() {
  await tf.setBackend('cpu');
  const train = makeTickets(N_TRAIN);
  const test = makeTickets(N_TEST);
  const xTrain = tf.tensor2d(train.ids, [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.ids, [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const params = initParams();
  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let numBatches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const cost = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(tf.gather(yTrain, idx), forward(params, tf.gather(xTrain, idx))), true);
      epochLoss += cost.dataSync()[0];
      numBatches++;
      cost.dispose();
      idx.dispose();
    }
    losses.push(epochLoss / numBatches);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const logits = forward(params, x);
      const loss = tf.losses.sigmoidCrossEntropy(y, logits).dataSync()[0];
      const acc = logits.greater(0).cast('float32').equal(y).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
