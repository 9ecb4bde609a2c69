'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6607);
const tf = require('@tensorflow/tfjs');

// Icon classifier: 8x8 grayscale icons of a plus, a cross or a hollow square drawn at a random
// place on a noisy background. Each data set is an exported folder: the decoded pixels keyed by
// file name (img_1.png, img_2.png, ...) as read from the directory, whose listing comes back in no
// particular order, and labels.txt with one class id per line (line i belongs to img_<i+1>.png).
const SIZE = 8;
const CLASSES = ['plus', 'cross', 'square'];

function drawIcon(kind) {
  const img = rng.array(SIZE * SIZE, () => rng.uniform(0, 0.25));
  const half = rng.int(1, 3);
  const cr = rng.int(half, SIZE - half);
  const cc = rng.int(half, SIZE - half);
  for (let dr = -half; dr <= half; dr++) {
    for (let dc = -half; dc <= half; dc++) {
      const on =
        kind === 0 ? dr === 0 || dc === 0 : kind === 1 ? Math.abs(dr) === Math.abs(dc) : Math.max(Math.abs(dr), Math.abs(dc)) === half;
      if (on) img[(cr + dr) * SIZE + (cc + dc)] = rng.uniform(0.7, 1);
    }
  }
  return img;
}

function loadFolder(n) {
  const labels = rng.array(n, () => rng.int(0, CLASSES.length));
  const pixelsByName = new Map();
  for (const i of tf.util.createShuffledIndices(n)) pixelsByName.set(`img_${i + 1}.png`, drawIcon(labels[i]));
  return { pixelsByName, labels };
}

function toTensors(folder) {
  const names = [...folder.pixelsByName.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const images = names.map((name) => folder.pixelsByName.get(name));
  const xs = tf.tensor4d(images.flat(), [names.length, SIZE, SIZE, 1]);
  const ys = tf.oneHot(tf.tensor1d(folder.labels, 'int32'), CLASSES.length).toFloat();
  return { xs, ys };
}

async function main() {
  await tf.setBackend('cpu');

  const train = toTensors(loadFolder(240));
  const test = toTensors(loadFolder(120));

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [SIZE, SIZE, 1], filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }));
  model.add(tf.layers.globalMaxPooling2d({}));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
