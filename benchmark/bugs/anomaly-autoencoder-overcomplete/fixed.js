'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9699);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault detection for rooftop air-handling units. Each 5-minute record has 16 readings (supply and
// return air temperatures, fan speeds, damper positions, duct pressures, power draw, ...) that all
// follow from a few operating conditions: outside temperature, occupancy, setpoint and fan command.
// A linear autoencoder (one dense encoder layer, one dense decoder layer) is trained on records
// from healthy units only, and its reconstruction error is the anomaly score. Faults (a stuck
// damper, a drifting sensor, a slipping belt) show up as readings that disagree with the rest.
const CHANNELS = 16;
const N_TRAIN = 1500;
const N_NORMAL_TEST = 500;
const N_FAULT_TEST = 100;

const loadings = rng.array(4, () => rng.array(CHANNELS, () => rng.normal(0, 1)));
const offsets = rng.array(CHANNELS, () => rng.uniform(5, 60));
const scales = rng.array(CHANNELS, () => rng.uniform(0.5, 8));

function unitRecords(n, faulty) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const outside = rng.normal(0, 1);
    const occupancy = rng.uniform(-1, 1);
    const setpoint = rng.normal(0, 0.5);
    const fan = Math.tanh(outside * occupancy + rng.normal(0, 0.5));
    const state = [outside, occupancy, setpoint, fan];
    const signal = rng.array(CHANNELS, (c) => state.reduce((s, v, k) => s + loadings[k][c] * v, 0) + rng.normal(0, 0.3));
    if (faulty) {
      // one or two readings leave the pattern the others follow
      const broken = rng.int(1, 3);
      for (let k = 0; k < broken; k++) {
        const c = rng.int(0, CHANNELS);
        signal[c] += (rng.random() < 0.5 ? -1 : 1) * rng.uniform(1.5, 3);
      }
    }
    rows.push(signal.map((s, c) => offsets[c] + scales[c] * s));
  }
  return rows;
}

function rocAuc(normalScores, faultScores) {
  let wins = 0;
  for (const f of faultScores) for (const n of normalScores) wins += f > n ? 1 : f === n ? 0.5 : 0;
  return wins / (faultScores.length * normalScores.length);
}

async function main() {
  await tf.setBackend('wasm');

  const trainRaw = tf.tensor2d(unitRecords(N_TRAIN, false), [N_TRAIN, CHANNELS]);
  const normalRaw = tf.tensor2d(unitRecords(N_NORMAL_TEST, false), [N_NORMAL_TEST, CHANNELS]);
  const faultRaw = tf.tensor2d(unitRecords(N_FAULT_TEST, true), [N_FAULT_TEST, CHANNELS]);
  const { mean, variance } = tf.moments(trainRaw, 0);
  const std = variance.sqrt();
  const xTrain = trainRaw.sub(mean).div(std);
  const xNormal = normalRaw.sub(mean).div(std);
  const xFault = faultRaw.sub(mean).div(std);

  const autoencoder = tf.sequential();
  autoencoder.add(tf.layers.dense({ units: 4, inputShape: [CHANNELS] }));
  autoencoder.add(tf.layers.dense({ units: CHANNELS }));
  autoencoder.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError' });

  const history = await autoencoder.fit(xTrain, xTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  // anomaly score: mean squared reconstruction error per record
  const score = (x) => tf.tidy(() => Array.from(autoencoder.predict(x).sub(x).square().mean(1).dataSync()));
  const normalScores = score(xNormal);
  const faultScores = score(xFault);
  // alarm threshold: the score that 1% of healthy held-out records exceed
  const threshold = normalScores.slice().sort((a, b) => a - b)[Math.floor(0.99 * N_NORMAL_TEST)];
  const caught = faultScores.filter((s) => s > threshold).length / N_FAULT_TEST;
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const h = history.history;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[h.loss.length - 1].toExponential(2)} | held-out score normal ${avg(normalScores).toExponential(2)} faulty ${avg(faultScores).toExponential(2)} ROC AUC ${rocAuc(normalScores, faultScores).toFixed(3)} faults caught at 1% false alarms ${caught.toFixed(2)}`);
}

main();
