'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5830);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Listing clean-up for a marketplace: every listing has 8 photos, each already reduced to an
// 8-number image descriptor. Photos of one product scatter tightly around that product's
// descriptor, but in every listing two or three photos were uploaded from another product. A
// shared encoder embeds each photo, every photo is compared with the listing's average embedding,
// and a scorer gives one logit per photo: does this photo belong to another product? Hand-written
// training loop.
const PHOTOS = 8;
const DESCRIPTOR = 8;
const N_TRAIN = 2048;
const N_TEST = 512;
const BATCH = 32;
const EPOCHS = 5;

function makeListings(n) {
  const xs = [];
  const stray = [];
  for (let l = 0; l < n; l++) {
    const product = rng.array(DESCRIPTOR, () => rng.normal(0, 1));
    const other = rng.array(DESCRIPTOR, () => rng.normal(0, 1));
    const flags = new Array(PHOTOS).fill(0);
    const numStray = rng.int(2, 4);
    while (flags.reduce((a, f) => a + f, 0) < numStray) flags[rng.int(0, PHOTOS)] = 1;
    for (let p = 0; p < PHOTOS; p++) {
      const centre = flags[p] ? other : product;
      xs.push(centre.map((m) => m + rng.normal(0, 0.2)));
    }
    stray.push(flags);
  }
  return { xs, stray };
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(N_TRAIN);
  const test = makeListings(N_TEST);
  const xTrain = tf.tensor3d(train.xs.flat(), [N_TRAIN, PHOTOS, DESCRIPTOR]);
  const yTrain = tf.tensor2d(train.stray, [N_TRAIN, PHOTOS]);
  const xTest = tf.tensor3d(test.xs.flat(), [N_TEST, PHOTOS, DESCRIPTOR]);
  const yTest = tf.tensor2d(test.stray, [N_TEST, PHOTOS]);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [PHOTOS, DESCRIPTOR] }));
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  const scorer = tf.sequential();
  scorer.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [PHOTOS, 64] }));
  scorer.add(tf.layers.dense({ units: 1 }));

  function photoLogits(x) {
    const h = encoder.apply(x);
    const listingMean = tf.mean(h, 1, true);
    const compared = tf.concat([h, h.sub(listingMean)], -1);
    return scorer.apply(compared).squeeze([2]);
  }

  const optimizer = tf.train.adam(0.01);
  const numBatches = N_TRAIN / BATCH;
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH, (b + 1) * BATCH));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        const xb = xTrain.gather(idx);
        const yb = yTrain.gather(idx);
        return optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(yb, photoLogits(xb)), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const logits = photoLogits(x);
    const loss = tf.losses.sigmoidCrossEntropy(y, logits).dataSync()[0];
    const acc = logits.greater(0).toFloat().equal(y).mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(xTrain, yTrain);
  const [testLoss, testAcc] = evaluate(xTest, yTest);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
