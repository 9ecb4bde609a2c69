'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7742);
const tf = require('@tensorflow/tfjs');

// Triage 12x12 8-bit tiles from a slide scanner: 'empty', 'cell' (a dark round blob), 'fiber' (a
// thin straight streak) or 'bubble' (a dark ring). Exposure and contrast change from tile to tile,
// so every tile is standardized on its own (zero mean, unit variance per image) before the conv net.
// Tiles outside the specimen area come back from the scanner as flat frames at its fill level and
// are labelled 'empty'.
const SIZE = 12;
const CLASSES = ['empty', 'cell', 'fiber', 'bubble'];
const N_TRAIN = 320;
const N_TEST = 160;

function makeTile(c) {
  const fill = rng.int(60, 220);
  if (c === 0) return rng.array(SIZE * SIZE, () => fill);
  const contrast = rng.uniform(40, 120);
  const noise = rng.uniform(4, 12);
  const img = rng.array(SIZE * SIZE, () => fill + rng.normal(0, noise));
  const cx = rng.uniform(3.5, 7.5);
  const cy = rng.uniform(3.5, 7.5);
  const r = rng.uniform(2, 3.5);
  const angle = rng.uniform(0, Math.PI);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const d = Math.sqrt(dx * dx + dy * dy);
      let on = false;
      if (c === 1) on = d <= r;
      else if (c === 2) on = Math.abs(dx * Math.sin(angle) - dy * Math.cos(angle)) < 0.7;
      else on = Math.abs(d - r) < 0.7;
      if (on) img[y * SIZE + x] -= contrast;
    }
  }
  return img.map((v) => Math.min(255, Math.max(0, Math.round(v))));
}

function makeTiles(n) {
  const pixels = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CLASSES.length);
    pixels.push(...makeTile(c));
    labels.push(c);
  }
  return { pixels, labels };
}

// per-image standardization: each tile to zero mean and unit standard deviation
function standardizePerImage(x) {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, [1, 2, 3], true);
    return x.sub(mean).div(variance.sqrt());
  });
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeTiles(N_TRAIN);
  const test = makeTiles(N_TEST);
  const xTrain = standardizePerImage(tf.tensor4d(train.pixels, [N_TRAIN, SIZE, SIZE, 1]));
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), CLASSES.length).toFloat();
  const xTest = standardizePerImage(tf.tensor4d(test.pixels, [N_TEST, SIZE, SIZE, 1]));
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), CLASSES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
