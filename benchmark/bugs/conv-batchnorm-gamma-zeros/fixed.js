'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6208);
const tf = require('@tensorflow/tfjs');

// Stamp recognition on scanned paper forms: each 10x10 crop holds one stamped mark, a box outline,
// a plus or an x, of random size, position and ink darkness (stored inverted, ink bright), with some
// gaps in the ink and paper grain in the background. A small conv net with batch normalization
// after each convolution classifies the mark.
const SIDE = 10;
const MARKS = ['box', 'plus', 'x'];
const N_TRAIN = 300;
const N_TEST = 200;

function stamp(mark) {
  const img = rng.array(SIDE * SIDE, () => rng.uniform(0, 0.2));
  const cx = rng.int(3, SIDE - 3);
  const cy = rng.int(3, SIDE - 3);
  const r = rng.int(2, 4);
  const ink = rng.uniform(0.6, 1);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const dx = Math.abs(x - cx);
      const dy = Math.abs(y - cy);
      let on = false;
      if (mark === 0) on = Math.max(dx, dy) === r;
      if (mark === 1) on = (dx === 0 && dy <= r) || (dy === 0 && dx <= r);
      if (mark === 2) on = dx === dy && dx <= r;
      if (on && rng.random() > 0.1) img[y * SIDE + x] = ink;
    }
  }
  return img;
}

function makeCrops(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const mark = rng.int(0, MARKS.length);
    pixels.push(...stamp(mark));
    labels.push(mark);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeCrops(N_TRAIN);
  const test = makeCrops(N_TEST);
  const xTrain = tf.tensor4d(train.pixels, [N_TRAIN, SIDE, SIDE, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), MARKS.length).toFloat();
  const xTest = tf.tensor4d(test.pixels, [N_TEST, SIDE, SIDE, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), MARKS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', inputShape: [SIDE, SIDE, 1] }));
  model.add(tf.layers.batchNormalization({ momentum: 0.9 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same' }));
  model.add(tf.layers.batchNormalization({ momentum: 0.9 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: MARKS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 16, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
