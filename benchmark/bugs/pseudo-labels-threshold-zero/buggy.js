'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7433);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Semi-supervised defect detection on a production line: each part has 8 standardized
// measurements (dimensions, weight, surface roughness, ...). Only a few parts were inspected by
// hand; most are unlabelled. Self-training: fit a classifier on the inspected parts, pseudo-label
// the uninspected parts with it, then train on both together.
const NUM_FEATURES = 8;
const N_LABELLED = 100;
const N_UNLABELLED = 1600;
const N_TEST = 500;
const DEFECT_RATE = 0.3;

const defectDirection = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
const mixing = rng.array(NUM_FEATURES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 0.35)));

function makeParts(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const defective = rng.random() < DEFECT_RATE ? 1 : 0;
    const latent = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    const x = latent.map((_, j) => latent.reduce((s, v, k) => s + v * mixing[k][j], latent[j]) + (defective ? 1.0 * defectDirection[j] : 0));
    xs.push(x);
    ys.push([defective]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const labelled = makeParts(N_LABELLED);
  const unlabelled = makeParts(N_UNLABELLED);
  const test = makeParts(N_TEST);
  const xLabelled = tf.tensor2d(labelled.xs, [N_LABELLED, NUM_FEATURES]);
  const yLabelled = tf.tensor2d(labelled.ys, [N_LABELLED, 1]);
  const xUnlabelled = tf.tensor2d(unlabelled.xs, [N_UNLABELLED, NUM_FEATURES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  // Stage 1: the hand-inspected parts only.
  await model.fit(xLabelled, yLabelled, { epochs: 40, batchSize: 16, shuffle: true, verbose: 0 });
  const [, stage1Acc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);

  // Stage 2: pseudo-label the uninspected parts and train on everything.
  const pred = model.predict(xUnlabelled);
  const yPseudo = pred.greater(0).toFloat();
  const xAll = xLabelled.concat(xUnlabelled);
  const yAll = yLabelled.concat(yPseudo);
  const history = await model.fit(xAll, yAll, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const pseudoRate = yPseudo.mean().dataSync()[0];
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`stage 1 test acc ${stage1Acc.toFixed(3)} | pseudo-label defect rate ${pseudoRate.toFixed(3)} | stage 2 loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
