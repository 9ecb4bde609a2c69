'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9504);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Compressive strength of concrete (MPa) from the mix design and the curing age.
// Mix columns are kg per m3 of concrete; age is in days. A bagged ensemble of three small
// MLP regressors, each trained on its own bootstrap sample of the lab results; the ensemble
// prediction is the mean of the members' predictions.
const N_TRAIN = 600;
const N_TEST = 300;
const N_FEATURES = 8;
const N_MEMBERS = 3;
const AGES = [3, 7, 14, 28, 56, 90, 180];

function labResults(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const cement = rng.uniform(150, 520);
    const slag = rng.random() < 0.5 ? rng.uniform(0, 250) : 0;
    const flyAsh = rng.random() < 0.4 ? rng.uniform(0, 180) : 0;
    const water = rng.uniform(140, 230);
    const plasticizer = rng.random() < 0.6 ? rng.uniform(2, 25) : 0;
    const coarse = rng.uniform(800, 1150);
    const fine = rng.uniform(600, 950);
    const age = AGES[rng.int(0, AGES.length)];
    // Abrams-style law on the effective binder/water ratio, with strength gain over curing time
    const ratio = (cement + 0.75 * slag + 0.4 * flyAsh) / water;
    const maturity = Math.min(1.15, 0.3 + 0.7 * Math.log(age) / Math.log(28));
    const strength = 14 * ratio * maturity + 0.25 * plasticizer + rng.normal(0, 2.5);
    xs.push([cement, slag, flyAsh, water, plasticizer, coarse, fine, age]);
    ys.push([Math.max(strength, 2)]);
  }
  return { xs, ys };
}

function bootstrap(n) {
  return Array.from({ length: n }, () => rng.int(0, n));
}

// feature trunk: 32 relu units on the standardized mix
const featureLayer = tf.layers.dense({ units: 32, activation: 'relu', name: 'features' });

function buildMember(index) {
  const input = tf.input({ shape: [N_FEATURES] });
  const features = featureLayer.apply(input);
  const strength = tf.layers.dense({ units: 1, name: `member${index}_strength` }).apply(features);
  const model = tf.model({ inputs: input, outputs: strength, name: `member${index}` });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

async function main() {
  await tf.setBackend('wasm');

  const train = labResults(N_TRAIN);
  const test = labResults(N_TEST);
  const xTrainRaw = tf.tensor2d(train.xs, [N_TRAIN, N_FEATURES]);
  const xTestRaw = tf.tensor2d(test.xs, [N_TEST, N_FEATURES]);
  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);
  const yTrain = tf.tensor2d(train.ys, [N_TRAIN, 1]);
  const yTest = tf.tensor2d(test.ys, [N_TEST, 1]);

  const members = [];
  const histories = [];
  for (let m = 0; m < N_MEMBERS; m++) {
    const idx = tf.tensor1d(bootstrap(N_TRAIN), 'int32');
    const member = buildMember(m + 1);
    const history = await member.fit(xTrain.gather(idx), yTrain.gather(idx), { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
    members.push(member);
    histories.push(history.history);
  }

  const mse = (pred) => pred.sub(yTest).square().mean().dataSync()[0];
  const memberPreds = members.map((member) => member.predict(xTest));
  const memberMse = memberPreds.map(mse);
  const ensembleMse = mse(tf.stack(memberPreds).mean(0));
  const lossText = histories.map((h) => `${h.loss[0].toFixed(1)}->${h.loss[h.loss.length - 1].toFixed(2)}`).join(' ');
  console.log(`member loss ${lossText} | member test mse ${memberMse.map((v) => v.toFixed(2)).join(' ')} | ensemble test mse ${ensembleMse.toFixed(2)} (MPa^2)`);
}

main();
