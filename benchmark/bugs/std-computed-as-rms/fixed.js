'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9530);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Overheating alarms on a milling line. Each row is one minute of sensor readings from the
// machine's controller: ambient air temperature (K), process temperature (K), coolant line
// pressure (hPa) and spindle speed (rpm). The label says whether the thermal guard tripped in the
// following minute. Features are standardized with the training statistics and fed to a small
// MLP; last week's log is the held-out set.
const N_TRAIN = 2000;
const N_TEST = 500;
const FEATURES = ['airTempK', 'processTempK', 'pressureHpa', 'spindleRpm'];

function readSensorLog(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const airTempK = rng.normal(300, 2);
    const processTempK = airTempK + rng.normal(10, 1.5);
    const pressureHpa = rng.normal(1013, 6);
    const spindleRpm = rng.normal(1500, 40);
    // the guard trips when the process runs hot relative to the air, the coolant pressure sags
    // or the spindle turns fast
    const heat = 1.6 * (processTempK - airTempK - 10) + 0.6 * (airTempK - 300)
      - 0.35 * (pressureHpa - 1013) + 0.05 * (spindleRpm - 1500);
    const tripped = heat + rng.normal(0, 0.8) > 1.5 ? 1 : 0;
    rows.push({ airTempK, processTempK, pressureHpa, spindleRpm, tripped });
  }
  return rows;
}

// per-column mean and standard deviation over the training rows
function columnStats(rows) {
  return FEATURES.map((key) => {
    const values = rows.map((row) => row[key]);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    return { mean, std };
  });
}

function standardize(rows, stats) {
  return rows.map((row) => FEATURES.map((key, j) => (row[key] - stats[j].mean) / stats[j].std));
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = readSensorLog(N_TRAIN);
  const testRows = readSensorLog(N_TEST);
  const stats = columnStats(trainRows);
  const xTrain = tf.tensor2d(standardize(trainRows, stats), [N_TRAIN, FEATURES.length]);
  const yTrain = tf.tensor2d(trainRows.map((row) => [row.tripped]), [N_TRAIN, 1]);
  const xTest = tf.tensor2d(standardize(testRows, stats), [N_TEST, FEATURES.length]);
  const yTest = tf.tensor2d(testRows.map((row) => [row.tripped]), [N_TEST, 1]);
  const positiveRate = trainRows.filter((row) => row.tripped === 1).length / N_TRAIN;

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 64, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`trip rate ${positiveRate.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
