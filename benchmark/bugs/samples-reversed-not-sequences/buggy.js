'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Machine temperature logs. The controller exports the last 10 readings of each machine with the
// newest reading first. A machine is flagged (label 1) when it has been heating up over its most
// recent readings and not flagged when it has been cooling down. GRU, sigmoid output, BCE.
const STEPS = 10;
const RECENT = 4;
const N_TRAIN = 400;
const N_TEST = 200;

function makeLogs(n) {
  const logs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const heating = rng.random() < 0.5 ? 1 : 0;
    const readings = [];
    let temp = rng.normal(0, 1);
    for (let t = 0; t < STEPS; t++) {
      const drift = t >= STEPS - RECENT ? (heating ? 0.3 : -0.3) : rng.normal(0, 0.3);
      temp += drift + rng.normal(0, 0.1);
      readings.push(temp);
    }
    logs.push(readings.reverse());
    labels.push([heating]);
  }
  return { logs, labels };
}

function toTensors({ logs, labels }) {
  // feed the readings oldest to newest so the latest ones come last
  const sequences = logs.reverse();
  const xs = tf.tensor3d(sequences.map((seq) => seq.map((v) => [v])), [sequences.length, STEPS, 1]);
  const ys = tf.tensor2d(labels, [labels.length, 1]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = toTensors(makeLogs(N_TRAIN));
  const test = toTensors(makeLogs(N_TEST));

  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: [STEPS, 1] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
