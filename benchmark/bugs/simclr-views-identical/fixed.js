'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9592);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Electronic nose: 32 metal-oxide gas sensors, one steady-state reading per sniff. Labelled sniffs
// are expensive, so the encoder is pretrained SimCLR-style on unlabelled sniffs: two augmented views
// of each reading (random concentration gain, temperature/humidity/pressure/ageing baseline shifts
// along the sensors' cross-sensitivity profiles, sensor dropouts, read noise), NT-Xent loss over the
// batch. The representation is scored with a k-NN classifier on a small labelled set of the five
// target gases, queried with augmented held-out sniffs.
const NUM_SENSORS = 32;
const NUM_GASES = 5;
const NUM_ENV = 4; // temperature, humidity, pressure, sensor ageing
const N_UNLABELLED = 4096;
const N_LABELLED = 1000;
const N_TEST = 1000;
const BATCH = 64;
const EPOCHS = 10;
const TEMPERATURE = 0.1;
const K = 10;

// datasheet-like response fingerprint of each gas and cross-sensitivity profile of each factor
const fingerprint = rng.array(NUM_GASES * NUM_SENSORS, () => rng.uniform(0.1, 1.5));
const envProfile = rng.array(NUM_ENV * NUM_SENSORS, () => rng.normal(0, 1));

function sniff(n) {
  const rows = [];
  const gases = [];
  for (let i = 0; i < n; i++) {
    const gas = rng.int(0, NUM_GASES);
    const concentration = Math.exp(rng.uniform(Math.log(0.5), Math.log(2)));
    const env = rng.array(NUM_ENV, () => rng.normal(0, 1));
    rows.push(rng.array(NUM_SENSORS, (j) => {
      let r = concentration * fingerprint[gas * NUM_SENSORS + j] * (1 + rng.normal(0, 0.1));
      for (let k = 0; k < NUM_ENV; k++) r += env[k] * envProfile[k * NUM_SENSORS + j];
      return r + rng.normal(0, 0.05);
    }));
    gases.push(gas);
  }
  return { rows, gases };
}

// random augmentation parameters for a batch of readings
function sampleAugmentation(n) {
  return rng.array(n, () => ({
    gain: rng.uniform(0.6, 1.6),
    env: rng.array(NUM_ENV, () => rng.normal(0, 1)),
    dropped: rng.array(NUM_SENSORS, () => rng.random() < 0.1),
    noise: rng.array(NUM_SENSORS, () => rng.normal(0, 0.05)),
  }));
}

function applyAugmentation(rows, aug) {
  const out = rows.map((row, i) => {
    const a = aug[i];
    return row.map((v, j) => {
      if (a.dropped[j]) return 0;
      let r = a.gain * v + a.noise[j];
      for (let k = 0; k < NUM_ENV; k++) r += a.env[k] * envProfile[k * NUM_SENSORS + j];
      return r;
    });
  });
  return tf.tensor2d(out, [rows.length, NUM_SENSORS]);
}

function l2normalize(x) {
  return x.div(x.square().sum(1, true).add(1e-8).sqrt());
}

// NT-Xent: each view's positive is the other view of the same reading, the other 2B - 2 are negatives
function ntXent(z1, z2, positives) {
  const z = l2normalize(tf.concat([z1, z2], 0));
  const n = z.shape[0];
  const logits = tf.matMul(z, z, false, true).div(TEMPERATURE).sub(tf.eye(n).mul(1e4));
  return tf.losses.softmaxCrossEntropy(positives, logits);
}

function knnAccuracy(encoder, bank, bankLabels, queries, queryLabels) {
  const sims = tf.tidy(() => tf.matMul(l2normalize(encoder.predict(queries)), l2normalize(encoder.predict(bank)), false, true));
  const { indices } = tf.topk(sims, K);
  const nn = indices.arraySync();
  tf.dispose([sims, indices]);
  let correct = 0;
  nn.forEach((row, i) => {
    const votes = new Array(NUM_GASES).fill(0);
    row.forEach((j) => votes[bankLabels[j]]++);
    if (votes.indexOf(Math.max(...votes)) === queryLabels[i]) correct++;
  });
  return correct / nn.length;
}

async function main() {
  await tf.setBackend('wasm');

  const unlabelled = sniff(N_UNLABELLED).rows;
  const labelled = sniff(N_LABELLED);
  const test = sniff(N_TEST);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [NUM_SENSORS] }));
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  const projector = tf.sequential();
  projector.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [64] }));
  projector.add(tf.layers.dense({ units: 32 }));
  const vars = [...encoder.trainableWeights, ...projector.trainableWeights].map((w) => w.read());
  const optimizer = tf.train.adam(0.003);

  const partner = Array.from({ length: 2 * BATCH }, (_, i) => (i + BATCH) % (2 * BATCH));
  const positives = tf.tidy(() => tf.oneHot(tf.tensor1d(partner, 'int32'), 2 * BATCH).toFloat());
  const numBatches = Math.floor(N_UNLABELLED / BATCH);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_UNLABELLED);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const rows = Array.from(order.slice(b * BATCH, (b + 1) * BATCH), (i) => unlabelled[i]);
      const aug = sampleAugmentation(BATCH);
      const view1 = applyAugmentation(rows, aug);
      const view2 = applyAugmentation(rows, sampleAugmentation(BATCH));
      const loss = optimizer.minimize(() => ntXent(projector.predict(encoder.predict(view1)), projector.predict(encoder.predict(view2)), positives), true, vars);
      epochLoss += loss.dataSync()[0] / numBatches;
      tf.dispose([view1, view2, loss]);
    }
    losses.push(epochLoss);
  }

  const bank = applyAugmentation(labelled.rows, sampleAugmentation(N_LABELLED));
  const queries = applyAugmentation(test.rows, sampleAugmentation(N_TEST));
  const trainQueries = applyAugmentation(labelled.rows, sampleAugmentation(N_LABELLED));
  const trainAcc = knnAccuracy(encoder, bank, labelled.gases, trainQueries, labelled.gases);
  const testAcc = knnAccuracy(encoder, bank, labelled.gases, queries, test.gases);
  console.log(`nt-xent ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | ${K}-NN acc labelled (re-augmented) ${trainAcc.toFixed(3)} held-out ${testAcc.toFixed(3)} (chance ${(1 / NUM_GASES).toFixed(2)})`);
}

main();
