'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9582);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Event-log ordering check with a tiny transformer encoder, written as a custom training loop.
// Each session is a sequence of SEQ_LEN event ids; every session contains one 'login' and one
// 'purchase' event somewhere among ordinary browsing events. The label says whether the user
// logged in before purchasing (1) or bought as a guest and logged in afterwards (0).
// Model: token embedding -> one self-attention block (single head, scaled dot product, residual)
// -> position-wise feed-forward (residual) -> mean pooling -> dense -> logit.
// Runs on the cpu backend (wasm has no kernel for the embedding-gather gradient).
const BROWSE = ['home', 'search', 'category', 'product', 'reviews', 'cart', 'wishlist', 'help', 'faq', 'compare'];
const VOCAB = ['login', 'purchase', ...BROWSE];
const LOGIN = 0;
const PURCHASE = 1;
const SEQ_LEN = 10;
const DIM = 16;
const FF = 32;
const N_TRAIN = 1000;
const N_TEST = 400;
const EPOCHS = 6;
const BATCH = 32;

function makeSessions(n) {
  const ids = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const row = rng.array(SEQ_LEN, () => 2 + rng.int(0, BROWSE.length));
    const a = rng.int(0, SEQ_LEN);
    let b = rng.int(0, SEQ_LEN - 1);
    if (b >= a) b++;
    row[a] = LOGIN;
    row[b] = PURCHASE;
    ids.push(row);
    labels.push([a < b ? 1 : 0]);
  }
  return { ids, labels };
}

const dense = (fanIn, fanOut) => tf.variable(tf.randomNormal([fanIn, fanOut], 0, Math.sqrt(1 / fanIn)));

function initParams() {
  return {
    tokens: tf.variable(tf.randomNormal([VOCAB.length, DIM], 0, 0.5)),
    wq: dense(DIM, DIM),
    wk: dense(DIM, DIM),
    wv: dense(DIM, DIM),
    wo: dense(DIM, DIM),
    ff1: dense(DIM, FF),
    ffb1: tf.variable(tf.zeros([FF])),
    ff2: dense(FF, DIM),
    head1: dense(DIM, DIM),
    headb1: tf.variable(tf.zeros([DIM])),
    head2: dense(DIM, 1),
    headb2: tf.variable(tf.zeros([1])),
  };
}

// [batch, SEQ_LEN, DIM] x [DIM, k] -> [batch, SEQ_LEN, k]
const project = (x, w) => x.reshape([-1, x.shape[2]]).matMul(w).reshape([-1, SEQ_LEN, w.shape[1]]);

function forward(p, ids) {
  const x = tf.gather(p.tokens, ids);
  const q = project(x, p.wq);
  const k = project(x, p.wk);
  const v = project(x, p.wv);
  const attn = tf.softmax(tf.matMul(q, k, false, true).div(Math.sqrt(DIM)));
  const h = x.add(project(tf.matMul(attn, v), p.wo));
  const y = h.add(project(project(h, p.ff1).add(p.ffb1).relu(), p.ff2));
  const pooled = y.mean(1);
  return pooled.matMul(p.head1).add(p.headb1).relu().matMul(p.head2).add(p.headb2);
}

async function main() {
  await tf.setBackend('cpu');
  const train = makeSessions(N_TRAIN);
  const test = makeSessions(N_TEST);
  const xTrain = tf.tensor2d(train.ids, [N_TRAIN, SEQ_LEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.ids, [N_TEST, SEQ_LEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const params = initParams();
  const optimizer = tf.train.adam(0.005);
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
