'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9616);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Cross-shop product matching. The same product is listed by two shops that describe it
// differently: shop A publishes 12 catalogue attributes, shop B 10 sensor-style measurements, both
// driven by the product's hidden properties. Two small towers embed each side on the unit sphere
// and are trained CLIP-style with a symmetric InfoNCE loss over the batch, the softmax temperature
// being learned together with the towers (started at 0.07). Held-out score: top-1 retrieval of the
// matching shop-B listing among all held-out products.
const LATENT = 6;
const DIM_A = 12;
const DIM_B = 10;
const EMBED = 16;
const N_TRAIN = 2048;
const N_TEST = 500;

const EPOCHS = 15;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.03;

const mixA = rng.array(DIM_A * LATENT, () => rng.normal(0, 0.6));
const mixB = rng.array(DIM_B * LATENT, () => rng.normal(0, 0.6));

function sampleListings(n) {
  const a = [];
  const b = [];
  for (let i = 0; i < n; i++) {
    const z = rng.array(LATENT, () => rng.normal(0, 1));
    for (let r = 0; r < DIM_A; r++) {
      let s = 0;
      for (let k = 0; k < LATENT; k++) s += mixA[r * LATENT + k] * z[k];
      a.push(Math.tanh(s) + rng.normal(0, 0.02));
    }
    for (let r = 0; r < DIM_B; r++) {
      let s = 0;
      for (let k = 0; k < LATENT; k++) s += mixB[r * LATENT + k] * z[k];
      b.push(s + 0.1 * s * s + rng.normal(0, 0.05));
    }
  }
  return { a: tf.tensor2d(a, [n, DIM_A]), b: tf.tensor2d(b, [n, DIM_B]) };
}

function tower(inputDim) {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [inputDim] }));
  m.add(tf.layers.dense({ units: EMBED }));
  return m;
}

async function main() {
  await tf.setBackend('wasm');

  const train = sampleListings(N_TRAIN);
  const test = sampleListings(N_TEST);
  const standardize = (x, ref) => {
    const { mean, variance } = tf.moments(ref, 0);
    return x.sub(mean).div(variance.sqrt().add(1e-6));
  };
  const aTrain = standardize(train.a, train.a);
  const bTrain = standardize(train.b, train.b);
  const aTest = standardize(test.a, train.a);
  const bTest = standardize(test.b, train.b);

  const towerA = tower(DIM_A);
  const towerB = tower(DIM_B);
  const embed = (model, x) => {
    const e = model.apply(x, { training: true });
    return e.div(e.norm('euclidean', 1, true).add(1e-8));
  };

  // softmax temperature, learned with the towers
  const logTemperature = tf.variable(tf.scalar(Math.log(0.07)), true, 'logTemperature');
  const getTemperature = () => logTemperature.exp();

  const contrastiveLoss = (xa, xb) => {
    const logits = tf.matMul(embed(towerA, xa), embed(towerB, xb), false, true).div(getTemperature());
    const labels = tf.oneHot(tf.range(0, xa.shape[0], 1, 'int32'), xa.shape[0]).toFloat();
    const aToB = tf.losses.softmaxCrossEntropy(labels, logits);
    const bToA = tf.losses.softmaxCrossEntropy(labels, logits.transpose());
    return aToB.add(bToA).div(2);
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = Math.floor(N_TRAIN / BATCH_SIZE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const batchIdx = Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE));
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(batchIdx, 'int32');
        return optimizer.minimize(() => contrastiveLoss(aTrain.gather(idx), bTrain.gather(idx)), true);
      });
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const retrieval = (xa, xb) =>
    tf.tidy(() => {
      const sims = tf.matMul(embed(towerA, xa), embed(towerB, xb), false, true);
      return sims.argMax(1).equal(tf.range(0, xa.shape[0], 1, 'int32')).mean().dataSync()[0];
    });
  const testLoss = tf.tidy(() => contrastiveLoss(aTest, bTest).dataSync()[0]);
  const t = getTemperature().dataSync()[0];
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} temperature ${t.toFixed(4)} train top-1 ${retrieval(aTrain.slice(0, N_TEST), bTrain.slice(0, N_TEST)).toFixed(3)} | test loss ${testLoss.toFixed(3)} test top-1 ${retrieval(aTest, bTest).toFixed(3)}`);
}

main();
