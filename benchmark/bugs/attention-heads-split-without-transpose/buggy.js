'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9633);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bin lookup in a warehouse scan log with multi-head self-attention. Each log holds fifteen scan
// records (bin id, item category) from one aisle, followed by a lookup token that names one of
// the bins; the model must answer the category stored in that bin. Tokens are one-hot
// [bin | category | isLookup]. Queries, keys and values are projected to a 32-wide model space
// and split into 4 heads of 8, scaled dot-product attention runs per head, the heads are merged
// and projected, and the output at the lookup position goes through a softmax over categories.
const NUM_BINS = 20;
const NUM_CATEGORIES = 8;
const RECORDS = 15;
const SEQ_LEN = RECORDS + 1;
const TOKEN_DIM = NUM_BINS + NUM_CATEGORIES + 1;
const NUM_HEADS = 4;
const HEAD_DIM = 8;
const MODEL_DIM = NUM_HEADS * HEAD_DIM;
const N_TRAIN = 3000;
const N_TEST = 1000;
const BATCH_SIZE = 100;
const EPOCHS = 10;

function makeLogs(n) {
  const tokens = new Float32Array(n * SEQ_LEN * TOKEN_DIM);
  const labels = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const bins = Array.from({ length: NUM_BINS }, (_, b) => b);
    for (let i = bins.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [bins[i], bins[j]] = [bins[j], bins[i]];
    }
    const categories = [];
    for (let r = 0; r < RECORDS; r++) {
      categories.push(rng.int(0, NUM_CATEGORIES));
      const base = (s * SEQ_LEN + r) * TOKEN_DIM;
      tokens[base + bins[r]] = 1;
      tokens[base + NUM_BINS + categories[r]] = 1;
    }
    const asked = rng.int(0, RECORDS);
    const qBase = (s * SEQ_LEN + RECORDS) * TOKEN_DIM;
    tokens[qBase + bins[asked]] = 1;
    tokens[qBase + TOKEN_DIM - 1] = 1;
    labels[s] = categories[asked];
  }
  return {
    x: tf.tensor3d(tokens, [n, SEQ_LEN, TOKEN_DIM]),
    y: tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CATEGORIES).toFloat(),
  };
}

function glorot(rows, cols) {
  const limit = Math.sqrt(6 / (rows + cols));
  return tf.variable(tf.tensor2d(rng.array(rows * cols, () => rng.uniform(-limit, limit)), [rows, cols]));
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeLogs(N_TRAIN);
  const test = makeLogs(N_TEST);

  const wq = glorot(TOKEN_DIM, MODEL_DIM);
  const wk = glorot(TOKEN_DIM, MODEL_DIM);
  const wv = glorot(TOKEN_DIM, MODEL_DIM);
  const wo = glorot(MODEL_DIM, MODEL_DIM);
  const wOut = glorot(MODEL_DIM, NUM_CATEGORIES);
  const bOut = tf.variable(tf.zeros([NUM_CATEGORIES]));
  const optimizer = tf.train.adam(0.01);

  // [batch, seq, in] x [in, out] -> [batch, seq, out]
  function project(x, w) {
    const [b, t, d] = x.shape;
    return x.reshape([b * t, d]).matMul(w).reshape([b, t, w.shape[1]]);
  }

  // [batch, seq, heads * headDim] -> [batch, heads, seq, headDim]
  function splitHeads(x) {
    const b = x.shape[0];
    return x.reshape([b, NUM_HEADS, SEQ_LEN, HEAD_DIM]);
  }

  // [batch, heads, seq, headDim] -> [batch, seq, heads * headDim]
  function mergeHeads(x) {
    const b = x.shape[0];
    return x.transpose([0, 2, 1, 3]).reshape([b, SEQ_LEN, MODEL_DIM]);
  }

  function predictLogits(x) {
    const q = splitHeads(project(x, wq));
    const k = splitHeads(project(x, wk));
    const v = splitHeads(project(x, wv));
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(HEAD_DIM));
    const attention = tf.softmax(scores);
    const context = project(mergeHeads(tf.matMul(attention, v)), wo);
    const atLookup = context.slice([0, SEQ_LEN - 1, 0], [-1, 1, -1]).reshape([-1, MODEL_DIM]);
    return atLookup.matMul(wOut).add(bOut);
  }

  function accuracy(x, y) {
    return tf.tidy(() => predictLogits(x).argMax(1).equal(y.argMax(1)).mean().dataSync()[0]);
  }

  const order = Array.from({ length: N_TRAIN }, (_, i) => i);
  const epochLoss = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const losses = [];
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const idx = tf.tensor1d(order.slice(start, start + BATCH_SIZE), 'int32');
      const xb = tf.gather(train.x, idx);
      const yb = tf.gather(train.y, idx);
      losses.push(optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, predictLogits(xb)), true));
      tf.dispose([idx, xb, yb]);
    }
    epochLoss.push(tf.addN(losses).dataSync()[0] / losses.length);
    tf.dispose(losses);
  }

  const trainAcc = accuracy(train.x, train.y);
  const testAcc = accuracy(test.x, test.y);
  console.log(`loss ${epochLoss[0].toFixed(3)} -> ${epochLoss[EPOCHS - 1].toFixed(3)} train acc ${trainAcc.toFixed(3)} | test acc ${testAcc.toFixed(3)} (chance ${(1 / NUM_CATEGORIES).toFixed(3)})`);
}

main();
