'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9600);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Gearbox fault classifier: 12 vibration features per recording (RMS, kurtosis, crest factor and
// band energies around the gear-mesh frequency) -> one of 4 conditions (healthy, wear, chipped
// tooth, bearing fault). Trained with a hand-written loop so the weight decay can be decoupled
// from the Adam update (AdamW style): the kernels are shrunk after every optimizer step, the
// biases are left alone.
const N_FEATURES = 12;
const CONDITIONS = ['healthy', 'wear', 'chipped', 'bearing'];
const N_CLASSES = CONDITIONS.length;
const N_TRAIN = 1600;
const N_TEST = 400;
const BATCH = 32;
const EPOCHS = 15;
const LEARNING_RATE = 0.003;
const WEIGHT_DECAY = 1e-4;

// each condition shifts a few of the features; the rest is sensor-to-sensor variation
const signature = CONDITIONS.map(() => rng.array(N_FEATURES, () => (rng.random() < 0.4 ? rng.normal(0, 1.2) : 0)));

function loadRecordings(n) {
  const x = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, N_CLASSES);
    const load = rng.uniform(0.5, 1.5);
    x.push(signature[c].map((s, j) => s * load + rng.normal(0, 0.8) + 0.1 * j));
    y.push(c);
  }
  return { x: tf.tensor2d(x, [n, N_FEATURES]), y: tf.oneHot(tf.tensor1d(y, 'int32'), N_CLASSES).toFloat() };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadRecordings(N_TRAIN);
  const test = loadRecordings(N_TEST);
  const { mean, variance } = tf.moments(train.x, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = train.x.sub(mean).div(std);
  const xTest = test.x.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: N_CLASSES }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const kernels = model.trainableWeights.filter((w) => w.name.includes('kernel')).map((w) => w.val);

  const numBatches = Math.floor(N_TRAIN / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      epochLoss += tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(order.slice(b * BATCH, (b + 1) * BATCH)), 'int32');
        const xb = xTrain.gather(idx);
        const yb = train.y.gather(idx);
        const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(yb, model.apply(xb, { training: true })), true);
        // decoupled weight decay on the kernels
        for (const w of kernels) w.assign(tf.mul(w, 1 - LEARNING_RATE * WEIGHT_DECAY));
        return cost.dataSync()[0];
      }) / numBatches;
    }
    losses.push(epochLoss);
  }

  const evaluate = (x, y) => tf.tidy(() => {
    const logits = model.predict(x);
    const loss = tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0];
    const acc = logits.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
    return [loss, acc];
  });
  const [, trainAcc] = evaluate(xTrain, train.y);
  const [testLoss, testAcc] = evaluate(xTest, test.y);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (chance ${(1 / N_CLASSES).toFixed(2)})`);
}

main();
