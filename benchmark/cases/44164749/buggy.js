'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(44164749);
const { strokeDigits } = require('../../lib/digits');
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Digit-like images: the class template shifted by up to 3 px, with erased stroke pixels and speckle (classes in turn).
const makeDigits = (n) => strokeDigits(rng, n, (i) => i % 10);

async function main() {
  await tf.setBackend('wasm');

  const train = makeDigits(250);
  const test = makeDigits(200);
  const xTrain = tf.tensor2d(train.images, [250, 784]).div(255);
  const yTrain = tf.tensor2d(train.labels, [250, 10]);
  const xTest = tf.tensor2d(test.images, [200, 784]).div(255);
  const yTest = tf.tensor2d(test.labels, [200, 10]);

  const model = tf.sequential();
  // 5000 units in the original; narrowed so 150 full-batch updates (the original made 5 epochs x 30 batches of 2000) stay affordable on wasm.
  model.add(tf.layers.dense({ units: 64, inputShape: [784] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.1 }));
  model.add(tf.layers.dense({ units: 600 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.1 }));
  model.add(tf.layers.dense({ units: 10 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));

  const optimizer = tf.train.momentum(0.01, 0.9, true);
  model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 150, batchSize: 2000, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  // Same yardstick for both versions: arg-max digit accuracy on held-out images.
  const argmaxAcc = model.predict(xTest).argMax(1).equal(yTest.argMax(1)).cast('float32').mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | held-out arg-max accuracy ${argmaxAcc.toFixed(3)}`);
}

main();
