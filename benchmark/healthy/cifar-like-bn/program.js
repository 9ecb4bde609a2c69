'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6203);
const tf = require('@tensorflow/tfjs');

// Small colour images of four shape/texture classes: a bright object of random colour on a dark random background.
const SIZE = 16;
const CLASSES = ['disc', 'checker', 'hstripes', 'vstripes'];

function randomColour(low, high) {
  return [rng.uniform(low, high), rng.uniform(low, high), rng.uniform(low, high)];
}

function inside(shape, x, y, cx, cy, r, phase) {
  if (shape === 'disc') return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  const inBox = Math.abs(x - cx) <= r + 1 && Math.abs(y - cy) <= r + 1;
  if (shape === 'checker') return inBox && ((Math.floor((x + phase) / 2) + Math.floor(y / 2)) % 2 === 0);
  if (shape === 'hstripes') return inBox && (y + phase) % 4 < 2;
  return inBox && (x + phase) % 4 < 2;
}

function makeImages(n) {
  const pixels = new Float32Array(n * SIZE * SIZE * 3);
  const labels = new Float32Array(n * CLASSES.length);
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, CLASSES.length);
    // A bright object of random colour on a darker background of random colour.
    const bg = randomColour(0, 0.4);
    const fg = randomColour(0.5, 1);
    const r = rng.int(3, 6);
    const cx = rng.int(r + 1, SIZE - r - 1);
    const cy = rng.int(r + 1, SIZE - r - 1);
    const phase = rng.int(0, 4);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const colour = inside(CLASSES[label], x, y, cx, cy, r, phase) ? fg : bg;
        const base = ((i * SIZE + y) * SIZE + x) * 3;
        for (let c = 0; c < 3; c++) pixels[base + c] = Math.min(1, Math.max(0, colour[c] + rng.normal(0, 0.05)));
      }
    }
    labels[i * CLASSES.length + label] = 1;
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const NTRAIN = 200;
  const NTEST = 200;
  const train = makeImages(NTRAIN);
  const test = makeImages(NTEST);
  const xTrain = tf.tensor4d(train.pixels, [NTRAIN, SIZE, SIZE, 3]);
  const yTrain = tf.tensor2d(train.labels, [NTRAIN, CLASSES.length]);
  const xTest = tf.tensor4d(test.pixels, [NTEST, SIZE, SIZE, 3]);
  const yTest = tf.tensor2d(test.labels, [NTEST, CLASSES.length]);

  // Only ~65 updates in this short run, so batch norm's moving statistics use momentum 0.9
  // (the 0.99 default would still be far from the data's statistics at inference time).
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [SIZE, SIZE, 3], filters: 8, kernelSize: 3, padding: 'same' }));
  model.add(tf.layers.batchNormalization({ momentum: 0.9 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3 }));
  model.add(tf.layers.batchNormalization({ momentum: 0.9 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.globalAveragePooling2d({}));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));

  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 5, batchSize: 16, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | held-out loss ${testLoss.toFixed(4)} accuracy ${testAcc.toFixed(3)}`);
}

main();
