'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9576);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Device verification from vibration fingerprints: every pump controller in the fleet leaves a
// characteristic signature in a 20-band vibration spectrum, blurred by the mounting and load of
// the day. A shared encoder maps a reading to an 8-d embedding and a contrastive loss pulls
// readings of the same device together and pushes readings of different devices at least MARGIN
// apart. Two readings are declared "same device" when their distance is below MARGIN / 2.
// The held-out pairs come from devices the encoder never saw.
const N_BANDS = 20;
const ID_DIM = 6;
const NUISANCE_DIM = 4;
const EMBED_DIM = 8;
const TRAIN_DEVICES = 100;
const TEST_DEVICES = 20;
const READINGS_PER_DEVICE = 12;
const TRAIN_PAIRS = 4000;
const TEST_PAIRS = 1000;
const MARGIN = 1.0;
const EPOCHS = 12;
const BATCH = 64;

const randMatrix = (rows, cols, scale) => rng.array(rows, () => rng.array(cols, () => rng.normal(0, scale)));
const mixId = randMatrix(N_BANDS, ID_DIM, 0.5);
const mixNuisance = randMatrix(N_BANDS, NUISANCE_DIM, 0.5);

function recordFleet(nDevices) {
  const readings = [];
  const owner = [];
  for (let d = 0; d < nDevices; d++) {
    const signature = rng.array(ID_DIM, () => rng.normal(0, 1));
    for (let r = 0; r < READINGS_PER_DEVICE; r++) {
      const mounting = rng.array(NUISANCE_DIM, () => rng.normal(0, 1));
      const spectrum = rng.array(N_BANDS, (b) => {
        let v = 0;
        for (let k = 0; k < ID_DIM; k++) v += mixId[b][k] * signature[k];
        for (let k = 0; k < NUISANCE_DIM; k++) v += mixNuisance[b][k] * mounting[k];
        return 10 * Math.tanh(v) + 12 + rng.normal(0, 0.3); // band level in dB
      });
      readings.push(spectrum);
      owner.push(d);
    }
  }
  return { readings, owner };
}

// half the pairs come from one device, half from two different devices
function makePairs(fleet, nPairs) {
  const a = [];
  const b = [];
  const same = [];
  const n = fleet.readings.length;
  for (let p = 0; p < nPairs; p++) {
    const i = rng.int(0, n);
    let j;
    if (p % 2 === 0) {
      const base = fleet.owner[i] * READINGS_PER_DEVICE;
      do j = base + rng.int(0, READINGS_PER_DEVICE); while (j === i);
    } else {
      do j = rng.int(0, n); while (fleet.owner[j] === fleet.owner[i]);
    }
    a.push(fleet.readings[i]);
    b.push(fleet.readings[j]);
    same.push(p % 2 === 0 ? 1 : 0);
  }
  return { a, b, same };
}

function pairDistance(ea, eb) {
  return tf.sqrt(tf.add(tf.sum(tf.square(tf.sub(ea, eb)), -1), 1e-6));
}

function contrastiveLoss(dist, same) {
  const pull = tf.mul(same, tf.square(dist));
  const push = tf.mul(tf.sub(1, same), tf.square(tf.relu(tf.sub(MARGIN, dist))));
  return tf.mean(tf.add(pull, push));
}

async function main() {
  await tf.setBackend('wasm');

  const trainFleet = recordFleet(TRAIN_DEVICES);
  const testFleet = recordFleet(TEST_DEVICES);
  const trainPairs = makePairs(trainFleet, TRAIN_PAIRS);
  const testPairs = makePairs(testFleet, TEST_PAIRS);

  const allTrain = tf.tensor2d(trainFleet.readings);
  const { mean, variance } = tf.moments(allTrain, 0);
  const std = variance.sqrt().add(1e-6);
  const prep = (rows) => tf.tensor2d(rows).sub(mean).div(std);
  const xa = prep(trainPairs.a);
  const xb = prep(trainPairs.b);
  const ySame = tf.tensor1d(trainPairs.same);
  const ta = prep(testPairs.a);
  const tb = prep(testPairs.b);
  const tSame = tf.tensor1d(testPairs.same);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_BANDS] }));
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));
  const optimizer = tf.train.adam(0.003);

  const pairLoss = (a, b, same) => contrastiveLoss(pairDistance(encoder.apply(a), encoder.apply(b)), same);
  const verifyAccuracy = (a, b, same) =>
    tf.tidy(() => {
      const predictedSame = tf.less(pairDistance(encoder.apply(a), encoder.apply(b)), MARGIN / 2).toFloat();
      return tf.mean(tf.equal(predictedSame, same).toFloat()).dataSync()[0];
    });

  const epochLosses = [];
  const batches = Math.ceil(TRAIN_PAIRS / BATCH);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(TRAIN_PAIRS);
    let total = 0;
    for (let bi = 0; bi < batches; bi++) {
      const idx = tf.tensor1d(Array.from(order.slice(bi * BATCH, (bi + 1) * BATCH)), 'int32');
      const loss = optimizer.minimize(
        () => pairLoss(tf.gather(xa, idx), tf.gather(xb, idx), tf.gather(ySame, idx)),
        true,
      );
      total += loss.dataSync()[0];
      loss.dispose();
      idx.dispose();
    }
    epochLosses.push(total / batches);
  }

  const trainAcc = verifyAccuracy(xa, xb, ySame);
  const testLoss = tf.tidy(() => pairLoss(ta, tb, tSame).dataSync()[0]);
  const testAcc = verifyAccuracy(ta, tb, tSame);
  const last = epochLosses.length - 1;
  console.log(`loss ${epochLosses[0].toFixed(4)} -> ${epochLosses[last].toFixed(4)} train verify acc ${trainAcc.toFixed(3)} | held-out devices loss ${testLoss.toFixed(4)} verify acc ${testAcc.toFixed(3)}`);
}

main();
