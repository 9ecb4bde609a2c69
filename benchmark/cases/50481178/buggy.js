'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(50481178);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

function poisson(lambda) {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.random();
  while (p > limit) {
    k += 1;
    p *= rng.random();
  }
  return k;
}

// Raw word counts from one Poisson distribution per class.
const RATES = [
  [6, 1, 4, 1],
  [1, 6, 1, 4],
];

async function main() {
  await tf.setBackend('wasm');
  const n = 1000;
  const labels = rng.array(n, () => rng.int(0, 2));
  const counts = labels.flatMap((c) => RATES[c].map((lambda) => poisson(lambda)));
  const nTrain = Math.round(n * 0.8);
  const xTrain = tf.tensor2d(counts.slice(0, nTrain * 4), [nTrain, 4]);
  const yTrain = tf.tensor2d(labels.slice(0, nTrain), [nTrain, 1]);
  const xTest = tf.tensor2d(counts.slice(nTrain * 4), [n - nTrain, 4]);
  const yTest = tf.tensor2d(labels.slice(nTrain), [n - nTrain, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 10, activation: 'relu', inputShape: [4] }));
  model.add(tf.layers.dense({ units: 20 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 30 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 40 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 50 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.add(tf.layers.activation({ activation: 'sigmoid' }));
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 10, validationSplit: 0.1, shuffle: true, verbose: 0 });
  const loss = history.history.loss;
  const acc = history.history.acc;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest);
  console.log(`loss first ${loss[0].toFixed(4)} last ${loss[loss.length - 1].toFixed(4)}; acc first ${acc[0].toFixed(4)} last ${acc[acc.length - 1].toFixed(4)}; test loss ${testLoss.dataSync()[0].toFixed(4)} acc ${testAcc.dataSync()[0].toFixed(4)}`);
}

main();
