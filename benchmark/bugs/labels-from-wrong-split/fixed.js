'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8026);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Machine-state classifier: 10 vibration/temperature sensor readings -> one of 3 states
// (normal, worn bearing, misaligned shaft). Readings are generated per state and shuffled,
// then split half for training and half for testing.
const NUM_SENSORS = 10;
const NUM_STATES = 3;
const NUM_ROWS = 1000;

function makeReadings(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const state = rng.int(0, NUM_STATES);
    const r = rng.array(NUM_SENSORS, () => rng.normal(0, 1));
    if (state === 1) {
      r[0] += 2.5;
      r[3] += 1.5 * r[4];
    } else if (state === 2) {
      r[1] += 2.5;
      r[5] -= 2.0;
      r[7] += 2.0;
    }
    rows.push({ features: r, state });
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const rows = makeReadings(NUM_ROWS);
  const split = NUM_ROWS / 2;
  const trainRows = rows.slice(0, split);
  const testRows = rows.slice(split);

  const trainFeatures = trainRows.map((r) => r.features);
  const trainStates = trainRows.map((r) => r.state);
  const testFeatures = testRows.map((r) => r.features);
  const testStates = testRows.map((r) => r.state);

  const xTrain = tf.tensor2d(trainFeatures, [split, NUM_SENSORS]);
  const yTrain = tf.oneHot(tf.tensor1d(trainStates, 'int32'), NUM_STATES);
  const xTest = tf.tensor2d(testFeatures, [NUM_ROWS - split, NUM_SENSORS]);
  const yTest = tf.oneHot(tf.tensor1d(testStates, 'int32'), NUM_STATES);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_SENSORS] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_STATES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
