'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9595);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Next-screen prediction for prefetching in a shopping app. A session is the sequence of screens
// a user visits; most moves follow the app's main flow (home -> search -> results -> product ...)
// and the rest are jumps to any screen. A tiny decoder-only language model over screen ids:
// token + learned position embeddings, one self-attention block with a residual connection and a
// linear read-out to the screen vocabulary, trained with teacher forcing (inputs are the session
// without its last screen, targets the session shifted by one) in a custom loop. The held-out
// sessions are scored the way the prefetcher uses the model: given the screens so far, predict
// the next one. Runs on the cpu backend because the embedding lookups need the gather gradient.
const SCREENS = ['home', 'search', 'results', 'product', 'reviews', 'cart', 'checkout', 'payment',
  'confirmation', 'account', 'orders', 'help'];
const MAIN_FLOW = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0];
const VOCAB = SCREENS.length;
const SESSION_LEN = 16;
const DIM = 16;
const N_TRAIN = 300;
const N_TEST = 200;
const EPOCHS = 20;
const BATCH = 32;

function makeSessions(n) {
  const sessions = [];
  for (let i = 0; i < n; i++) {
    const screens = [0];
    while (screens.length < SESSION_LEN) {
      const current = screens[screens.length - 1];
      screens.push(rng.random() < 0.8 ? MAIN_FLOW[current] : rng.int(0, VOCAB));
    }
    sessions.push(screens);
  }
  return sessions;
}

function initParams() {
  const scale = 1 / Math.sqrt(DIM);
  return {
    tokenEmbedding: tf.variable(tf.randomNormal([VOCAB, DIM], 0, 0.1)),
    positionEmbedding: tf.variable(tf.randomNormal([SESSION_LEN, DIM], 0, 0.1)),
    wq: tf.variable(tf.randomNormal([DIM, DIM], 0, scale)),
    wk: tf.variable(tf.randomNormal([DIM, DIM], 0, scale)),
    wv: tf.variable(tf.randomNormal([DIM, DIM], 0, scale)),
    wo: tf.variable(tf.randomNormal([DIM, DIM], 0, scale)),
    wOut: tf.variable(tf.randomNormal([DIM, VOCAB], 0, scale)),
    bOut: tf.variable(tf.zeros([VOCAB])),
  };
}

// ids: [batch, len] screen ids -> logits [batch, len, VOCAB] for the screen after each position
function forward(p, ids) {
  const [batch, len] = ids.shape;
  const x = tf.gather(p.tokenEmbedding, ids).add(p.positionEmbedding.slice([0, 0], [len, DIM]));
  const flat = x.reshape([batch * len, DIM]);
  const q = flat.matMul(p.wq).reshape([batch, len, DIM]);
  const k = flat.matMul(p.wk).reshape([batch, len, DIM]);
  const v = flat.matMul(p.wv).reshape([batch, len, DIM]);
  const scores = tf.matMul(q, k, false, true).div(Math.sqrt(DIM));
  const weights = tf.softmax(scores);
  const attended = tf.matMul(weights, v).reshape([batch * len, DIM]).matMul(p.wo);
  const h = flat.add(attended);
  return h.matMul(p.wOut).add(p.bOut).reshape([batch, len, VOCAB]);
}

function nextScreenLoss(p, ids) {
  const len = ids.shape[1] - 1;
  const inputs = ids.slice([0, 0], [-1, len]);
  const targets = tf.oneHot(ids.slice([0, 1], [-1, len]).reshape([-1]), VOCAB);
  const logits = forward(p, inputs).reshape([-1, VOCAB]);
  return tf.losses.softmaxCrossEntropy(targets, logits);
}

async function main() {
  await tf.setBackend('cpu');
  const train = tf.tensor2d(makeSessions(N_TRAIN), [N_TRAIN, SESSION_LEN], 'int32');
  const test = tf.tensor2d(makeSessions(N_TEST), [N_TEST, SESSION_LEN], 'int32');

  const params = initParams();
  const optimizer = tf.train.adam(0.01);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let numBatches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH) {
      const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH)), 'int32');
      const batch = tf.gather(train, idx);
      const cost = optimizer.minimize(() => nextScreenLoss(params, batch), true);
      epochLoss += cost.dataSync()[0];
      numBatches++;
      tf.dispose([cost, batch, idx]);
    }
    losses.push(epochLoss / numBatches);
  }

  // teacher-forced accuracy on the training sessions
  const trainAcc = tf.tidy(() => {
    const logits = forward(params, train.slice([0, 0], [-1, SESSION_LEN - 1]));
    return logits.argMax(-1).equal(train.slice([0, 1], [-1, SESSION_LEN - 1])).mean().dataSync()[0];
  });
  // held-out: predict each next screen from the screens visited so far
  let correct = 0;
  let total = 0;
  for (let t = 1; t < SESSION_LEN; t++) {
    correct += tf.tidy(() => {
      const logits = forward(params, test.slice([0, 0], [-1, t]));
      const predicted = logits.slice([0, t - 1, 0], [-1, 1, VOCAB]).argMax(-1).reshape([-1]);
      return predicted.equal(test.slice([0, t], [-1, 1]).reshape([-1])).sum().dataSync()[0];
    });
    total += N_TEST;
  }
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test next-screen acc ${(correct / total).toFixed(3)}`);
}

main();
