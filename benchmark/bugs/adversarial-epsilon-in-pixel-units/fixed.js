'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4127);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Recognise the glyph printed on a 12x12 grayscale tag (arrow, plus, ring, bar) from a scanner
// whose output is scaled to [0, 1]. The classifier is made robust to small pixel perturbations with
// FGSM adversarial training: every mini-batch is trained on its clean images and on a copy pushed
// one signed-gradient step of size EPS in the direction that increases the loss.
const SIZE = 12;
const GLYPHS = ['arrow', 'plus', 'ring', 'bar'];
const N_TRAIN = 600;
const N_TEST = 400;

const EPOCHS = 12;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.002;
const EPS = 8 / 255;

function drawGlyph(img, g, cx, cy, r, ink) {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = x - cx;
      const dy = y - cy;
      let on = false;
      if (g === 0) on = (Math.abs(dy) < 0.6 && Math.abs(dx) <= r) || (dx > 0 && Math.abs(Math.abs(dy) - (r - dx)) < 0.6 && dx <= r);
      else if (g === 1) on = (Math.abs(dx) < 0.6 && Math.abs(dy) <= r) || (Math.abs(dy) < 0.6 && Math.abs(dx) <= r);
      else if (g === 2) on = Math.abs(Math.sqrt(dx * dx + dy * dy) - r) < 0.6;
      else on = Math.abs(dx) < 1 && Math.abs(dy) <= r;
      if (on) img[y * SIZE + x] = ink;
    }
  }
}

function makeTags(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const g = rng.int(0, GLYPHS.length);
    const paper = rng.uniform(0.0, 0.2);
    const img = rng.array(SIZE * SIZE, () => Math.min(1, Math.max(0, paper + rng.normal(0, 0.08))));
    drawGlyph(img, g, rng.int(4, 8), rng.int(4, 8), rng.int(3, 5), rng.uniform(0.6, 1.0));
    pixels.push(...img);
    labels.push(g);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeTags(N_TRAIN);
  const test = makeTags(N_TEST);
  const xTrain = tf.tensor2d(train.pixels, [N_TRAIN, SIZE * SIZE]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), GLYPHS.length).toFloat();
  const xTest = tf.tensor2d(test.pixels, [N_TEST, SIZE * SIZE]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), GLYPHS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [SIZE * SIZE] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: GLYPHS.length, activation: 'softmax' }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const lossOn = (x, y) => tf.metrics.categoricalCrossentropy(y, model.apply(x, { training: true })).mean();
  const numBatches = Math.ceil(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        const gradX = tf.grad((x) => lossOn(x, yb))(xb);
        const xAdv = xb.add(gradX.sign().mul(EPS));
        return optimizer.minimize(() => lossOn(xb, yb).add(lossOn(xAdv, yb)).mul(0.5), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) =>
    tf.tidy(() => {
      const probs = model.predict(x);
      const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
      const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} clean train acc ${trainAcc.toFixed(3)} (loss ${trainLoss.toFixed(3)}) | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
