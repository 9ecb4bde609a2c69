'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9591);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fault diagnosis for industrial pumps from 32 vibration-spectrum band energies.
// Step 1: a base network is pretrained on the large fleet log to predict the six pump condition
//   indicators (bearing wear, imbalance, misalignment, cavitation, looseness, load) that the
//   maintenance team records for every inspection.
// Step 2: for a new site, a fresh softmax head maps the base features to the five fault codes used
//   there. Only about a hundred labelled inspections exist, so the base gets a small learning rate to
//   keep its pretrained features and the new head a large one.
const NUM_BANDS = 32;
const NUM_INDICATORS = 6;
const NUM_FAULTS = 5;
const NUM_OPERATING = 10;
const N_PRETRAIN = 3000;
const N_FINETUNE = 100;
const N_TEST = 1000;
const BASE_LR = 1e-4;
const HEAD_LR = 5e-2;
const FINETUNE_EPOCHS = 40;
const BATCH = 32;

// how each condition indicator shows up in the spectrum bands
const signature = rng.array(NUM_INDICATORS * NUM_BANDS, () => rng.normal(0, 1));
// and how the operating point (speed, flow, head, temperature, mounting, ...) does
const operating = rng.array(NUM_OPERATING * NUM_BANDS, () => rng.normal(0, 1));
// which indicators drive each fault code at the new site
const faultWeights = rng.array(NUM_FAULTS * NUM_INDICATORS, () => rng.normal(0, 1));

function inspect(n) {
  const bands = [];
  const indicators = [];
  const faults = [];
  for (let i = 0; i < n; i++) {
    const z = rng.array(NUM_INDICATORS, () => rng.normal(0, 1));
    const u = rng.array(NUM_OPERATING, () => rng.normal(0, 1));
    bands.push(rng.array(NUM_BANDS, (j) => {
      const s = z.reduce((acc, zk, k) => acc + zk * signature[k * NUM_BANDS + j], 0) / Math.sqrt(NUM_INDICATORS);
      const o = u.reduce((acc, uk, k) => acc + uk * operating[k * NUM_BANDS + j], 0) / Math.sqrt(NUM_OPERATING);
      return Math.log1p(Math.exp(1.5 * s)) + 2 * o + rng.normal(0, 0.1);
    }));
    indicators.push(z);
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < NUM_FAULTS; c++) {
      const score = z.reduce((acc, zk, k) => acc + zk * faultWeights[c * NUM_INDICATORS + k], 0);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    faults.push(best);
  }
  return {
    x: tf.tensor2d(bands, [n, NUM_BANDS]),
    indicators: tf.tensor2d(indicators, [n, NUM_INDICATORS]),
    faults: tf.tensor1d(faults, 'int32'),
  };
}

async function main() {
  await tf.setBackend('wasm');

  const fleet = inspect(N_PRETRAIN);
  const site = inspect(N_FINETUNE);
  const siteTest = inspect(N_TEST);

  // Step 1: pretrain the base on the fleet's condition indicators
  const base = tf.sequential();
  base.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_BANDS] }));
  base.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  const pretrain = tf.sequential();
  pretrain.add(base);
  pretrain.add(tf.layers.dense({ units: NUM_INDICATORS }));
  pretrain.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError' });
  const pre = await pretrain.fit(fleet.x, fleet.indicators, { epochs: 12, batchSize: 64, shuffle: true, verbose: 0 });
  const preLoss = pre.history.loss[pre.history.loss.length - 1];

  // Step 2: new head for the site's fault codes, fine-tuned with one learning rate per group
  const head = tf.layers.dense({ units: NUM_FAULTS, inputShape: [32] });
  const classifier = tf.sequential();
  classifier.add(base);
  classifier.add(head);

  const baseVars = base.trainableWeights.map((w) => w.read());
  const headVars = head.trainableWeights.map((w) => w.read());
  const baseOptimizer = tf.train.adam(BASE_LR);
  const headOptimizer = tf.train.adam(HEAD_LR);

  const yOneHot = tf.oneHot(site.faults, NUM_FAULTS).toFloat();
  const lossFn = (xb, yb) => () => tf.losses.softmaxCrossEntropy(yb, classifier.predict(xb));
  const losses = [];
  for (let epoch = 0; epoch < FINETUNE_EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_FINETUNE);
    let epochLoss = 0;
    let steps = 0;
    for (let startIdx = 0; startIdx < N_FINETUNE; startIdx += BATCH) {
      const idx = Array.from(order.slice(startIdx, startIdx + BATCH));
      tf.tidy(() => {
        const ids = tf.tensor1d(idx, 'int32');
        const xb = site.x.gather(ids);
        const yb = yOneHot.gather(ids);
        const cost = baseOptimizer.minimize(lossFn(xb, yb), true, baseVars);
        headOptimizer.minimize(lossFn(xb, yb), false, headVars);
        epochLoss += cost.dataSync()[0];
      });
      steps++;
    }
    losses.push(epochLoss / steps);
  }

  const accuracy = (data) => tf.tidy(() => classifier.predict(data.x).argMax(-1).equal(data.faults).mean().dataSync()[0]);
  console.log(`pretrain mse ${preLoss.toFixed(3)} | fine-tune loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | site train acc ${accuracy(site).toFixed(3)} held-out acc ${accuracy(siteTest).toFixed(3)}`);
}

main();
