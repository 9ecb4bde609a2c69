'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6143);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Quality control for a pick-and-place machine: a placed component passes when its measured
// offset (dx, dy) from the nominal pad position, in units of the placement tolerance, lies within
// the tolerance circle. The MLP is built from an architecture spec (units and activation name per
// hidden layer) so that variants can be swept from a config file.
const ARCH = {
  hidden: [
    { units: 32, activation: 'relu' },
    { units: 32, activation: 'relu' },
    { units: 16, activation: 'smooth' },
  ],
  learningRate: 0.01,
  epochs: 30,
  batchSize: 32,
};
const TOLERANCE = 1.18;
const N_TRAIN = 800;
const N_TEST = 400;

function toTfActivation(name) {
  let activation;
  switch (name) {
    case 'relu': activation = 'relu';
    case 'smooth': activation = 'tanh';
    case 'none': activation = 'linear';
  }
  return activation;
}

function makePlacements(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const dx = rng.normal(0, 1);
    const dy = rng.normal(0, 1);
    xs.push([dx, dy]);
    ys.push([Math.hypot(dx, dy) < TOLERANCE ? 1 : 0]);
  }
  return { xs, ys };
}

function buildModel(arch) {
  const model = tf.sequential();
  arch.hidden.forEach((layer, i) => {
    model.add(tf.layers.dense({ units: layer.units, activation: toTfActivation(layer.activation), ...(i === 0 ? { inputShape: [2] } : {}) }));
  });
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePlacements(N_TRAIN);
  const test = makePlacements(N_TEST);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xTest = tf.tensor2d(test.xs);
  const yTest = tf.tensor2d(test.ys);

  const model = buildModel(ARCH);
  model.compile({ optimizer: tf.train.adam(ARCH.learningRate), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: ARCH.epochs, batchSize: ARCH.batchSize, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
