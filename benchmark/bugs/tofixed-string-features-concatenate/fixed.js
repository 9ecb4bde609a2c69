'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9636);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predictive maintenance: will a milling machine fail within the next shift, given its latest
// sensor log (air and process temperature in kelvin, spindle speed in rpm, torque in Nm, tool
// wear in minutes)? The plant historian exports the log as CSV with full float precision; rows
// are parsed, rounded, standardized with the training statistics and fed to a small MLP.
// Last month's export is the held-out set.
const N_TRAIN = 2000;
const N_TEST = 800;
const COLUMNS = ['air_temp', 'process_temp', 'rpm', 'torque', 'tool_wear'];
const NUM_FEATURES = COLUMNS.length;

function exportSensorLog(n) {
  const lines = [[...COLUMNS, 'failure'].join(',')];
  for (let i = 0; i < n; i++) {
    const airTemp = rng.normal(300, 2);
    const processTemp = airTemp + rng.normal(10, 1);
    const rpm = rng.normal(1540, 180);
    const torque = Math.max(rng.normal(40, 10), 3);
    const toolWear = rng.uniform(0, 240);
    const powerKw = (torque * rpm * 2 * Math.PI) / 60 / 1000;
    // heat dissipation, overstrain and power failure modes, smoothed into a risk score
    const risk =
      2.2 * (9.5 - (processTemp - airTemp)) * (rpm < 1450 ? 1 : 0.2) +
      0.0009 * toolWear * torque - 4.5 +
      1.4 * Math.abs(powerKw - 6.3) - 1.5;
    const failure = rng.random() < 1 / (1 + Math.exp(-2 * risk)) ? 1 : 0;
    lines.push(`${airTemp},${processTemp},${rpm},${torque},${toolWear},${failure}`);
  }
  return lines.join('\n') + '\n';
}

function parseCsv(text) {
  const lines = text.trim().split('\n');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    // the historian writes 15-digit floats; 3 decimals is all the sensors resolve, and it
    // keeps the cleaned CSV we archive next to the model small
    const features = cells.slice(0, NUM_FEATURES).map((cell) => Number(parseFloat(cell).toFixed(3)));
    const label = parseInt(cells[NUM_FEATURES], 10);
    return { features, label };
  });
}

function columnStats(rows) {
  const means = [];
  const stds = [];
  for (let j = 0; j < NUM_FEATURES; j++) {
    const mean = rows.reduce((a, row) => a + row.features[j], 0) / rows.length;
    const variance = rows.reduce((a, row) => a + (row.features[j] - mean) ** 2, 0) / rows.length;
    means.push(mean);
    stds.push(Math.sqrt(variance) + 1e-6);
  }
  return { means, stds };
}

function toTensors(rows, stats) {
  const xs = rows.map((row) => row.features.map((v, j) => (v - stats.means[j]) / stats.stds[j]));
  const ys = rows.map((row) => [row.label]);
  return { xs: tf.tensor2d(xs, [rows.length, NUM_FEATURES]), ys: tf.tensor2d(ys, [rows.length, 1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = parseCsv(exportSensorLog(N_TRAIN));
  const testRows = parseCsv(exportSensorLog(N_TEST));
  const stats = columnStats(trainRows);
  const train = toTensors(trainRows, stats);
  const test = toTensors(testRows, stats);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const failureRate = trainRows.filter((row) => row.label === 1).length / N_TRAIN;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`failure rate ${failureRate.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
