'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9696);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Operating-mode codes for a wind farm: every 10-minute SCADA snapshot of a turbine (wind speed,
// rotor speed, power, pitch, temperatures, vibration, ...) is compressed into one of 8 discrete
// codes by a small autoencoder, so that the fleet dashboard can show a mode per turbine. The code
// is a Gumbel-softmax sample whose temperature is annealed every epoch towards a hard one-hot;
// at inference the encoder's argmax picks the code. Hand-written loop, one Adam for both halves.
const FEATURES = ['wind_ms', 'rotor_rpm', 'power_kw', 'pitch_deg', 'nacelle_c', 'gearbox_c', 'generator_c', 'vibration_mm_s', 'ambient_c', 'yaw_error_deg'];
const NUM_FEATURES = FEATURES.length;
const NUM_MODES = 6;
const NUM_CODES = 8;
const N_TRAIN = 2000;
const N_TEST = 500;
const EPOCHS = 30;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.005;
const TAU_START = 1.0;
const TAU_DECAY = 0.05; // per epoch

// typical value of each feature in each operating mode, and its spread
const RANGES = [[2, 25], [0, 16], [0, 3000], [0, 25], [10, 45], [30, 80], [30, 110], [0.5, 8], [-10, 30], [0, 15]];
const MODES = rng.array(NUM_MODES, () => RANGES.map(([lo, hi]) => rng.uniform(lo, hi)));
const SPREAD = RANGES.map(([lo, hi]) => 0.05 * (hi - lo));

function snapshots(n) {
  const rows = [];
  const modes = [];
  for (let i = 0; i < n; i++) {
    const mode = rng.int(0, NUM_MODES);
    rows.push(MODES[mode].map((mu, j) => mu + rng.normal(0, SPREAD[j])));
    modes.push(mode);
  }
  return { rows, modes };
}

function gumbelSoftmax(logits, tau) {
  const u = tf.randomUniform(logits.shape, 1e-6, 1 - 1e-6);
  const gumbel = u.log().neg().log().neg();
  return logits.add(gumbel).div(tau).softmax();
}

async function main() {
  await tf.setBackend('wasm');

  const train = snapshots(N_TRAIN);
  const test = snapshots(N_TEST);
  const xTrainRaw = tf.tensor2d(train.rows, [N_TRAIN, NUM_FEATURES]);
  const xTestRaw = tf.tensor2d(test.rows, [N_TEST, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  encoder.add(tf.layers.dense({ units: NUM_CODES }));

  const decoder = tf.sequential();
  decoder.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_CODES] }));
  decoder.add(tf.layers.dense({ units: NUM_FEATURES }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const tau = Math.max(0, TAU_START - epoch * TAU_DECAY);
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let nBatches = 0;
    for (let start = 0; start < N_TRAIN; start += BATCH_SIZE) {
      const loss = tf.tidy(() => {
        const idx = tf.tensor1d(Array.from(order.slice(start, start + BATCH_SIZE)), 'int32');
        const batch = xTrain.gather(idx);
        return optimizer.minimize(() => {
          const code = gumbelSoftmax(encoder.apply(batch), tau);
          return tf.losses.meanSquaredError(batch, decoder.apply(code));
        }, true).dataSync()[0];
      });
      epochLoss += loss;
      nBatches += 1;
    }
    losses.push(epochLoss / nBatches);
  }

  // held-out snapshots through the hard code the dashboard uses
  const [testMse, codes] = tf.tidy(() => {
    const hard = tf.oneHot(encoder.predict(xTest).argMax(-1), NUM_CODES).toFloat();
    const recon = decoder.predict(hard);
    return [tf.losses.meanSquaredError(xTest, recon).dataSync()[0], Array.from(encoder.predict(xTest).argMax(-1).dataSync())];
  });
  // purity: share of snapshots whose code's majority mode is their own mode
  const table = Array.from({ length: NUM_CODES }, () => new Array(NUM_MODES).fill(0));
  codes.forEach((c, i) => (table[c][test.modes[i]] += 1));
  const purity = table.reduce((a, row) => a + Math.max(...row), 0) / N_TEST;
  const used = table.filter((row) => row.some((v) => v > 0)).length;
  const best = losses.indexOf(Math.min(...losses));
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} (lowest ${losses[best].toFixed(3)} at epoch ${best}) | held-out hard-code reconstruction mse ${testMse.toFixed(3)} (standardized; 1.0 = predicting the mean), codes used ${used}/${NUM_CODES}, mode purity ${purity.toFixed(3)}`);
}

main();
