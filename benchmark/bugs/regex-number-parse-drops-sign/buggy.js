'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(2658);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Device-orientation classifier from a phone's sensor dump. Each log line holds one averaged
// sample of the accelerometer (m/s^2) and gyroscope (rad/s), e.g.
//   "ax=-0.31 ay=0.92 az=9.71 gx=-0.02 gy=0.01 gz=0.00"
// and was annotated with how the phone was lying. The lines are parsed back into numbers and a
// small MLP predicts the orientation.
const ORIENTATIONS = ['face-up', 'face-down', 'portrait', 'portrait-flipped', 'landscape-left', 'landscape-right'];
const GRAVITY_AXIS = [[0, 0, 1], [0, 0, -1], [0, 1, 0], [0, -1, 0], [-1, 0, 0], [1, 0, 0]];
const G = 9.81;
const N_TRAIN = 800;
const N_TEST = 400;

function makeLog(n) {
  const records = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, ORIENTATIONS.length);
    const [ax, ay, az] = GRAVITY_AXIS[c].map((g) => g * G + rng.normal(0, 2.5));
    const [gx, gy, gz] = [0, 1, 2].map(() => rng.normal(0, 0.3));
    const line = `ax=${ax.toFixed(2)} ay=${ay.toFixed(2)} az=${az.toFixed(2)} gx=${gx.toFixed(2)} gy=${gy.toFixed(2)} gz=${gz.toFixed(2)}`;
    records.push({ line, label: ORIENTATIONS[c] });
  }
  return records;
}

function parseLine(line) {
  const [ax, ay, az, gx, gy, gz] = line.match(/\d+(\.\d+)?/g).map(Number);
  return [ax / G, ay / G, az / G, gx, gy, gz];
}

async function main() {
  await tf.setBackend('wasm');
  const trainLog = makeLog(N_TRAIN);
  const testLog = makeLog(N_TEST);

  const xTrain = tf.tensor2d(trainLog.map((r) => parseLine(r.line)), [N_TRAIN, 6]);
  const yTrain = tf.oneHot(tf.tensor1d(trainLog.map((r) => ORIENTATIONS.indexOf(r.label)), 'int32'), ORIENTATIONS.length).toFloat();
  const xTest = tf.tensor2d(testLog.map((r) => parseLine(r.line)), [N_TEST, 6]);
  const yTest = tf.oneHot(tf.tensor1d(testLog.map((r) => ORIENTATIONS.indexOf(r.label)), 'int32'), ORIENTATIONS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [6] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: ORIENTATIONS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
