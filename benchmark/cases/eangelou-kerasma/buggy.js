const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Pima-like rows in their raw units; zeros stand for missing measurements as in the original table
function patient() {
  const pregnancies = Math.min(17, Math.floor(-Math.log(1 - rng.random()) * 3.8));
  const age = Math.min(81, 21 + Math.floor(-Math.log(1 - rng.random()) * 12));
  const glucose = rng.random() < 0.01 ? 0 : Math.min(199, Math.max(44, rng.normal(121, 30)));
  const pressure = rng.random() < 0.05 ? 0 : Math.min(122, Math.max(24, rng.normal(72, 12)));
  const skin = rng.random() < 0.3 ? 0 : Math.min(99, Math.max(7, rng.normal(29, 10)));
  const insulin = rng.random() < 0.48 ? 0 : Math.min(846, Math.max(14, rng.normal(155, 110)));
  const bmi = rng.random() < 0.015 ? 0 : Math.min(67, Math.max(18, rng.normal(32.5, 7)));
  const pedigree = Math.min(2.42, 0.078 + Math.abs(rng.normal(0, 0.45)));
  const risk = 0.045 * (glucose - 121) + 0.09 * (bmi - 32) + 0.035 * (age - 33) + 0.8 * (pedigree - 0.45) + rng.normal(0, 1.2) - 0.75;
  return { row: [pregnancies, glucose, pressure, skin, insulin, bmi, pedigree, age], label: risk > 0 ? 1 : 0 };
}

async function main() {
  await tf.setBackend('wasm');
  const patients = rng.array(768, patient);
  const xs = tf.tensor2d(patients.map((p) => p.row), [768, 8]);
  const ys = tf.tensor2d(patients.map((p) => [p.label]), [768, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 12, inputShape: [8] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 8 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xs, ys, { epochs: 20, batchSize: 10, verbose: 0 });
  const h = history.history;
  const positive = ys.mean().dataSync()[0];
  console.log(`positive share ${positive.toFixed(3)}; loss ${h.loss[0].toFixed(4)} -> ${h.loss[h.loss.length - 1].toFixed(4)}, accuracy ${h.acc[0].toFixed(4)} -> ${h.acc[h.acc.length - 1].toFixed(4)}`);
}

main();
