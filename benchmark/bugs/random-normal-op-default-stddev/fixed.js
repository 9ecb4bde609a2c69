'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4721);
const tf = require('@tensorflow/tfjs');

// Scratch detector for 8x8 grayscale patches from a line-scan camera: each patch holds one
// scratch, horizontal, vertical, diagonal or anti-diagonal, at a random place on a noisy
// background. A tiny conv net written with tf ops and variables (conv-pool-conv-pool, one
// hidden dense layer, softmax logits), trained with plain SGD in a hand-written loop.
const SIZE = 8;
const KINDS = ['horizontal', 'vertical', 'diagonal', 'anti-diagonal'];
const N_TRAIN = 320;
const N_TEST = 160;
const EPOCHS = 15;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.05;

function drawPatch(kind) {
  const img = rng.array(SIZE * SIZE, () => rng.uniform(0, 0.25));
  const len = rng.int(4, 7);
  const r0 = rng.int(0, SIZE - len + 1);
  const c0 = rng.int(0, SIZE - len + 1);
  const at = rng.int(0, SIZE);
  for (let k = 0; k < len; k++) {
    let r;
    let c;
    if (kind === 0) [r, c] = [at, c0 + k];
    else if (kind === 1) [r, c] = [r0 + k, at];
    else if (kind === 2) [r, c] = [r0 + k, c0 + k];
    else [r, c] = [r0 + k, c0 + len - 1 - k];
    img[r * SIZE + c] = rng.uniform(0.7, 1);
  }
  return img;
}

function makePatches(n) {
  const images = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const kind = rng.int(0, KINDS.length);
    images.push(drawPatch(kind));
    labels.push(kind);
  }
  const xs = tf.tensor4d(images.flat(), [n, SIZE, SIZE, 1]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), KINDS.length).toFloat();
  return { xs, ys };
}

// weights start from a random normal draw, biases at zero
const weight = (shape) => tf.variable(tf.randomNormal(shape, 0, Math.sqrt(2 / shape.slice(0, -1).reduce((a, b) => a * b))));
const bias = (n) => tf.variable(tf.zeros([n]));

async function main() {
  await tf.setBackend('cpu');

  const train = makePatches(N_TRAIN);
  const test = makePatches(N_TEST);

  const params = {
    k1: weight([3, 3, 1, 8]),
    b1: bias(8),
    k2: weight([3, 3, 8, 16]),
    b2: bias(16),
    w3: weight([2 * 2 * 16, 32]),
    b3: bias(32),
    w4: weight([32, KINDS.length]),
    b4: bias(KINDS.length),
  };

  const forward = (x) => {
    let h = tf.relu(tf.conv2d(x, params.k1, 1, 'same').add(params.b1));
    h = tf.maxPool(h, 2, 2, 'valid');
    h = tf.relu(tf.conv2d(h, params.k2, 1, 'same').add(params.b2));
    h = tf.maxPool(h, 2, 2, 'valid');
    h = h.reshape([-1, 2 * 2 * 16]);
    h = tf.relu(h.matMul(params.w3).add(params.b3));
    return h.matMul(params.w4).add(params.b4);
  };

  const optimizer = tf.train.sgd(LEARNING_RATE);
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = train.xs.gather(idx);
        const yb = train.ys.gather(idx);
        return optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, forward(xb)), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (set) =>
    tf.tidy(() => {
      const logits = forward(set.xs);
      const loss = tf.losses.softmaxCrossEntropy(set.ys, logits).dataSync()[0];
      const acc = logits.argMax(-1).equal(set.ys.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(train);
  const [testLoss, testAcc] = evaluate(test);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} (eval loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
