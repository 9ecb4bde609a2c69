'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9578);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Virtual temperature sensor for an e-scooter battery pack: estimate the pack temperature from
// the BMS log (one row per minute: current in A, ambient temperature, state of charge) so the
// firmware can derate before the real sensor would. The pack heats with I^2 and lags it by its
// thermal time constant (about ten minutes), so besides the instantaneous readings the model
// gets an exponential moving average of the heating term. One day's log trains the model, the
// next day's log is held out.
const TRAIN_MINUTES = 3000;
const TEST_MINUTES = 1200;
const ALPHA = 0.1; // one-minute rows, ~10 minute time constant
const FEATURES = ['current', 'absCurrent', 'ambient', 'soc', 'heatEma'];

// Simulated BMS export: rides of random length with stops in between.
function bmsLog(minutes) {
  const rows = [];
  const phase = rng.uniform(0, 2 * Math.PI);
  let packTemp = 16 + 8 * Math.sin(phase); // pack starts at ambient
  let soc = 0.95;
  let level = 0;
  let segmentLeft = 0;
  for (let t = 0; t < minutes; t++) {
    if (segmentLeft === 0) {
      level = rng.random() < 0.3 ? 0 : rng.uniform(-20, 110);
      segmentLeft = rng.int(5, 30);
    }
    segmentLeft--;
    const current = level === 0 ? rng.normal(0, 0.5) : level + rng.normal(0, 8);
    const ambient = 16 + 8 * Math.sin((2 * Math.PI * t) / 1440 + phase) + rng.normal(0, 0.2);
    soc = Math.min(1, Math.max(0.05, soc - current / 60 / 3000));
    if (soc < 0.1) soc = 0.95; // battery swapped
    const equilibrium = ambient + 0.0016 * current * current;
    packTemp += (equilibrium - packTemp) / 12;
    rows.push({ minute: t, current, ambient, soc, packTemp: packTemp + rng.normal(0, 0.3) });
  }
  return rows;
}

function toExamples(rows) {
  const heat = rows.map((r) => (r.current * r.current) / 1000);
  let ema = heat[0];
  const xs = [];
  const ys = [];
  for (let i = 0; i < rows.length; i++) {
    ema = ALPHA * heat[i] + (1 - ALPHA) * ema;
    const r = rows[i];
    xs.push([r.current, Math.abs(r.current), r.ambient, r.soc, ema]);
    ys.push([r.packTemp]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toExamples(bmsLog(TRAIN_MINUTES));
  const test = toExamples(bmsLog(TEST_MINUTES));
  const xTrainRaw = tf.tensor2d(train.xs, [TRAIN_MINUTES, FEATURES.length]);
  const yTrain = tf.tensor2d(train.ys, [TRAIN_MINUTES, 1]);
  const xTestRaw = tf.tensor2d(test.xs, [TEST_MINUTES, FEATURES.length]);
  const yTest = tf.tensor2d(test.ys, [TEST_MINUTES, 1]);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | held-out day loss ${testLoss.toFixed(3)} mae ${testMae.toFixed(3)} degC`);
}

main();
