'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5323);
const { strokeDigits } = require('../../lib/digits');
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Digit-like images: the class template shifted by up to 3 px, with erased stroke pixels and speckle (random classes).
const makeDigits = (n) => strokeDigits(rng, n, () => rng.int(0, 10));

async function main() {
  await tf.setBackend('wasm');
  const train = makeDigits(2000);
  const test = makeDigits(500);
  const xTrain = tf.tensor2d(train.images, [2000, 784]).div(255);
  const yTrain = tf.tensor2d(train.labels, [2000, 10]);
  const xTest = tf.tensor2d(test.images, [500, 784]).div(255);
  const yTest = tf.tensor2d(test.labels, [500, 10]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.rmsprop(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 5, batchSize: 32, validationSplit: 0.1, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} val_acc ${h.val_acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(3)} accuracy ${testAcc.toFixed(3)}`);
}

main();
