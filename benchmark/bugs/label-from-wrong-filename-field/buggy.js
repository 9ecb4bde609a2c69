'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4409);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Shape recognition on 10x10 grayscale scans (circle, square, triangle, cross). Each export folder
// (train/ and test/) holds files named `<sample id>_<shape>.png`, e.g. "0042_circle.png", numbered
// from 0000 in each folder and listed in no particular order; the decoded pixels come keyed by file
// name. The label is taken from the file name and mapped to a class index with a lookup built from
// the training labels. Small MLP on the flattened pixels.
const SIZE = 10;
const SHAPES = ['circle', 'square', 'triangle', 'cross'];

function drawShape(shape) {
  const img = rng.array(SIZE * SIZE, () => rng.uniform(0, 0.2));
  const cr = 4.5 + rng.uniform(-1, 1);
  const cc = 4.5 + rng.uniform(-1, 1);
  const r = rng.uniform(2.5, 3.5);
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) {
      const dr = row - cr;
      const dc = col - cc;
      let on = false;
      if (shape === 'circle') on = Math.abs(Math.hypot(dr, dc) - r) < 0.6;
      else if (shape === 'square') on = Math.max(Math.abs(dr), Math.abs(dc)) < r && Math.max(Math.abs(dr), Math.abs(dc)) > r - 1.1;
      else if (shape === 'triangle') on = dr < r && dr > -r && Math.abs(dc) < (dr + r) / 2 && (dr > r - 1.1 || Math.abs(dc) > (dr + r) / 2 - 1.1);
      else on = (Math.abs(dr - dc) < 0.8 || Math.abs(dr + dc) < 0.8) && Math.max(Math.abs(dr), Math.abs(dc)) < r;
      if (on) img[row * SIZE + col] = rng.uniform(0.7, 1);
    }
  }
  return img;
}

function loadFolder(n) {
  const files = [];
  for (let i = 0; i < n; i++) {
    const shape = SHAPES[rng.int(0, SHAPES.length)];
    files.push({ name: `${String(i).padStart(4, '0')}_${shape}.png`, pixels: drawShape(shape) });
  }
  return Array.from(tf.util.createShuffledIndices(n), (i) => files[i]);
}

const labelOf = (fileName) => fileName.split('_')[0];

async function main() {
  await tf.setBackend('wasm');

  const trainFiles = loadFolder(600);
  const testFiles = loadFolder(300);
  const classNames = [...new Set(trainFiles.map((f) => labelOf(f.name)))].sort();
  const classIndex = new Map(classNames.map((c, i) => [c, i]));
  const toLabels = (files) => files.map((f) => classIndex.get(labelOf(f.name)));

  const xTrain = tf.tensor2d(trainFiles.map((f) => f.pixels), [trainFiles.length, SIZE * SIZE]);
  const yTrain = tf.oneHot(tf.tensor1d(toLabels(trainFiles), 'int32'), classNames.length).toFloat();
  const xTest = tf.tensor2d(testFiles.map((f) => f.pixels), [testFiles.length, SIZE * SIZE]);
  const yTest = tf.oneHot(tf.tensor1d(toLabels(testFiles), 'int32'), classNames.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [SIZE * SIZE] }));
  model.add(tf.layers.dense({ units: classNames.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`${classNames.length} classes | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
