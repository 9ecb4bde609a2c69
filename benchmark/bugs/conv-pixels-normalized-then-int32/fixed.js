'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3958);
const tf = require('@tensorflow/tfjs');

// Checkbox-state recognition on a scanned paper form: 10x10 grayscale crops of a form field that
// holds a tick-like plus mark, an X mark or a circled mark, at a small random offset. The scanner
// stores 8-bit gray levels (0-255, ink bright after inversion) and has a few stuck pixels that read
// full white. A tiny conv net classifies the mark.
const SIZE = 10;
const MARKS = ['plus', 'cross', 'circle'];
const N_TRAIN = 300;
const N_TEST = 150;
const EPOCHS = 15;

function drawMark(label) {
  const img = rng.array(SIZE * SIZE, () => Math.round(rng.uniform(0, 60)));
  const cx = 4.5 + rng.uniform(-1.5, 1.5);
  const cy = 4.5 + rng.uniform(-1.5, 1.5);
  const ink = () => Math.round(rng.uniform(150, 240));
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      const dx = c - cx;
      const dy = r - cy;
      let on = false;
      if (label === 0) on = (Math.abs(dx) < 0.6 && Math.abs(dy) < 3.2) || (Math.abs(dy) < 0.6 && Math.abs(dx) < 3.2);
      else if (label === 1) on = Math.abs(Math.abs(dx) - Math.abs(dy)) < 0.8 && Math.abs(dx) < 3.2;
      else on = Math.abs(Math.hypot(dx, dy) - 2.8) < 0.6;
      if (on) img[r * SIZE + c] = ink();
    }
  }
  const stuck = rng.int(1, 4);
  for (let k = 0; k < stuck; k++) img[rng.int(0, SIZE * SIZE)] = 255;
  return img;
}

function makeForms(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, MARKS.length);
    pixels.push(...drawMark(label));
    labels.push(label);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeForms(N_TRAIN);
  const test = makeForms(N_TEST);
  const xTrain = tf.tensor4d(train.pixels.map((p) => p / 255), [N_TRAIN, SIZE, SIZE, 1], 'float32');
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), MARKS.length);
  const xTest = tf.tensor4d(test.pixels.map((p) => p / 255), [N_TEST, SIZE, SIZE, 1], 'float32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), MARKS.length);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: MARKS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
