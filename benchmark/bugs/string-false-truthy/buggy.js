'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5821);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Health-insurance policies: predict whether a policy's yearly claims go above $16,000.
// The policy export comes from the CRM as JSON, and the CRM writes every field as a string.
function exportPolicies(n) {
  const policies = [];
  for (let i = 0; i < n; i++) {
    const age = rng.int(18, 65);
    const bmi = rng.normal(29, 5.5);
    const children = rng.int(0, 5);
    const smoker = rng.random() < 0.4;
    const charges = 2500 + 260 * (age - 18) + 380 * (bmi - 29) + 450 * children + (smoker ? 21000 : 0) + rng.normal(0, 2500);
    policies.push({
      age: String(age),
      bmi: bmi.toFixed(1),
      children: String(children),
      smoker: String(smoker),
      charges: Math.max(charges, 1100).toFixed(2),
    });
  }
  return JSON.stringify(policies);
}

function toExample(rec) {
  const features = [
    (Number(rec.age) - 41) / 14,
    (Number(rec.bmi) - 29) / 5.5,
    Number(rec.children) / 2,
    rec.smoker ? 1 : 0,
  ];
  const label = Number(rec.charges) > 16000 ? 1 : 0;
  return { features, label };
}

async function main() {
  await tf.setBackend('wasm');

  const records = JSON.parse(exportPolicies(2000));
  const examples = records.map(toExample);
  const nTrain = 1600;
  const train = examples.slice(0, nTrain);
  const test = examples.slice(nTrain);

  const xTrain = tf.tensor2d(train.map((e) => e.features));
  const yTrain = tf.tensor2d(train.map((e) => [e.label]));
  const xTest = tf.tensor2d(test.map((e) => e.features));
  const yTest = tf.tensor2d(test.map((e) => [e.label]));

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const rate = yTest.mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} (majority ${Math.max(rate, 1 - rate).toFixed(3)})`);
}

main();
