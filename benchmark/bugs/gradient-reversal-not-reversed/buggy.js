'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9713);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Bearing-failure detection for pumps in two plants. Plant A's condition-monitoring records are
// labelled by its maintenance team; plant B (the new site) has only unlabelled readings, and its
// acoustic-emission sensors are a different model (other gain, other baseline). The classifier is
// trained with domain-adversarial training (DANN): a shared feature extractor, a failure head
// trained on plant A, and a domain classifier behind a gradient reversal layer that pushes the
// features to look the same for both plants. Plant B's audited held-out week is used to evaluate.
const N_SOURCE = 2000;
const N_TARGET = 2000;
const N_EVAL = 1000;
const NUM_FEATURES = 7;
const BATCH = 64;
const STEPS = 800;
const LEARNING_RATE = 0.003;

// vibration RMS (mm/s), bearing temperature (C), motor current (A), oil particles (ppm), acoustic
// emission at the drive end and at the non-drive end (dB), suction pressure (bar; plant B's pumps
// sit lower under a header tank)
function pumpReadings(n, plantB) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const failing = rng.random() < 0.5 ? 1 : 0;
    const vibration = rng.normal(failing ? 3.8 : 3.0, 0.85);
    const temperature = rng.normal(failing ? 62 : 58, 5);
    const current = rng.normal(failing ? 44 : 42, 4);
    const particles = rng.normal(failing ? 16 : 12, 5.5);
    let aeDrive = rng.normal(failing ? 68 : 62, 2.5);
    let aeFree = rng.normal(failing ? 67 : 61, 2.5);
    if (plantB) {
      aeDrive = 60 + 0.6 * (aeDrive - 60) + 3;
      aeFree = 60 + 0.6 * (aeFree - 60) + 3;
    }
    const pressure = rng.normal(plantB ? 3.5 : 2.0, 0.3);
    xs.push([vibration, temperature, current, particles, aeDrive, aeFree, pressure]);
    ys.push([failing]);
  }
  return { xs, ys };
}

function gradientReversal(x, lambda) {
  const reverse = tf.customGrad((input) => ({
    value: input.clone(),
    gradFunc: (dy) => dy.mul(lambda),
  }));
  return reverse(x);
}

async function main() {
  await tf.setBackend('wasm');

  const source = pumpReadings(N_SOURCE, false);
  const target = pumpReadings(N_TARGET, true);
  const sourceEval = pumpReadings(N_EVAL, false);
  const targetEval = pumpReadings(N_EVAL, true);
  const xSourceRaw = tf.tensor2d(source.xs, [N_SOURCE, NUM_FEATURES]);
  const ySource = tf.tensor2d(source.ys, [N_SOURCE, 1]);
  const xTargetRaw = tf.tensor2d(target.xs, [N_TARGET, NUM_FEATURES]);
  const xSourceEvalRaw = tf.tensor2d(sourceEval.xs, [N_EVAL, NUM_FEATURES]);
  const ySourceEval = tf.tensor2d(sourceEval.ys, [N_EVAL, 1]);
  const xTargetEvalRaw = tf.tensor2d(targetEval.xs, [N_EVAL, NUM_FEATURES]);
  const yTargetEval = tf.tensor2d(targetEval.ys, [N_EVAL, 1]);

  // standardize with plant A's statistics
  const { mean, variance } = tf.moments(xSourceRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xSource = xSourceRaw.sub(mean).div(std);
  const xTarget = xTargetRaw.sub(mean).div(std);
  const xSourceEval = xSourceEvalRaw.sub(mean).div(std);
  const xTargetEval = xTargetEvalRaw.sub(mean).div(std);

  const extractor = tf.sequential();
  extractor.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  extractor.add(tf.layers.dense({ units: 4, activation: 'relu' }));
  const failureHead = tf.sequential();
  failureHead.add(tf.layers.dense({ units: 1, inputShape: [4] }));
  const domainHead = tf.sequential();
  domainHead.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [4] }));
  domainHead.add(tf.layers.dense({ units: 1 }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const domainLabels = tf.concat([tf.zeros([BATCH, 1]), tf.ones([BATCH, 1])], 0);

  const labelLosses = [];
  const domainLosses = [];
  for (let step = 0; step < STEPS; step++) {
    // usual DANN schedule: the adversarial weight ramps from 0 to 1
    const lambda = 2 / (1 + Math.exp((-10 * step) / STEPS)) - 1;
    const [labelLoss, domainLoss] = tf.tidy(() => {
      const sIdx = tf.tensor1d(rng.array(BATCH, () => rng.int(0, N_SOURCE)), 'int32');
      const tIdx = tf.tensor1d(rng.array(BATCH, () => rng.int(0, N_TARGET)), 'int32');
      const xs = xSource.gather(sIdx);
      const ys = ySource.gather(sIdx);
      const xt = xTarget.gather(tIdx);
      let parts;
      optimizer.minimize(() => {
        const fs = extractor.predict(xs);
        const ft = extractor.predict(xt);
        const lLoss = tf.losses.sigmoidCrossEntropy(ys, failureHead.predict(fs));
        const reversed = gradientReversal(tf.concat([fs, ft], 0), lambda);
        const dLoss = tf.losses.sigmoidCrossEntropy(domainLabels, domainHead.predict(reversed));
        parts = [lLoss.dataSync()[0], dLoss.dataSync()[0]];
        return lLoss.add(dLoss);
      });
      return parts;
    });
    labelLosses.push(labelLoss);
    domainLosses.push(domainLoss);
  }

  const flagged = (x) => tf.tidy(() => failureHead.predict(extractor.predict(x)).greater(0).toFloat());
  const accuracy = (x, y) => tf.tidy(() => flagged(x).equal(y).toFloat().mean().dataSync()[0]);
  const flaggedShare = (x) => tf.tidy(() => flagged(x).mean().dataSync()[0]);
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = (xs) => avg(xs.slice(0, 20));
  const lastAvg = (xs) => avg(xs.slice(-20));
  console.log(`failure loss ${first(labelLosses).toFixed(3)} -> ${lastAvg(labelLosses).toFixed(3)} domain loss ${first(domainLosses).toFixed(3)} -> ${lastAvg(domainLosses).toFixed(3)} | held-out plant A acc ${accuracy(xSourceEval, ySourceEval).toFixed(3)} plant B acc ${accuracy(xTargetEval, yTargetEval).toFixed(3)} (flagged ${flaggedShare(xTargetEval).toFixed(2)}, failing ${yTargetEval.mean().dataSync()[0].toFixed(2)})`);
}

main();
