'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5291);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Engineering admissions model. Applicant records come from two feeder schools: one hands us
// plain objects from its student system, the other sends a JSON-lines export. Each record has
// four exam scores (0-100) and whether the applicant was admitted.
const NUM_FEATURES = 4;

function student() {
  const score = () => Math.min(100, Math.max(0, Math.round(rng.normal(65, 12))));
  const math = score();
  const physics = score();
  const english = score();
  const history = score();
  const merit = 0.6 * math + 0.3 * physics + 0.1 * english + rng.normal(0, 1);
  return { math, physics, english, history, admitted: merit > 66 ? 1 : 0 };
}

function northSchool(n) {
  return rng.array(n, () => {
    const s = student();
    return { math: s.math, physics: s.physics, english: s.english, history: s.history, admitted: s.admitted };
  });
}

function southSchoolExport(n) {
  return rng.array(n, () => {
    const s = student();
    return JSON.stringify({ english: s.english, history: s.history, math: s.math, physics: s.physics, admitted: s.admitted });
  }).join('\n');
}

function loadApplicants(nNorth, nSouth) {
  const records = [...northSchool(nNorth), ...southSchoolExport(nSouth).split('\n').map((line) => JSON.parse(line))];
  const xs = [];
  const ys = [];
  for (const rec of records) {
    const { admitted, ...scores } = rec;
    xs.push(Object.values(scores));
    ys.push([admitted]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadApplicants(600, 600);
  const test = loadApplicants(200, 200);
  const xTrainRaw = tf.tensor2d(train.xs, [train.xs.length, NUM_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt();
  const xTrain = xTrainRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor2d(test.xs, [test.xs.length, NUM_FEATURES]).sub(mean).div(std);
  const yTest = tf.tensor2d(test.ys);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const rate = yTest.mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (admit rate ${rate.toFixed(3)})`);
}

main();
