'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(48594888);
const tf = require('@tensorflow/tfjs');

const SIZE = 10;

// CIFAR-like images with raw 0..255 integer pixels: each class is a shape (five kinds) drawn in
// its own hue over a noisy grey background of random brightness.
function makeImages(n) {
  const pixels = [];
  const labels = [];
  const shapes = ['disk', 'square', 'hstripes', 'vstripes', 'cross'];
  for (let i = 0; i < n; i++) {
    const cls = i % 10;
    const shape = shapes[cls % 5];
    const grey = rng.uniform(40, 200);
    const hue = (cls / 10) * 2 * Math.PI;
    const fg = [0, 1, 2].map((c) => 140 + 110 * Math.cos(hue - (c * 2 * Math.PI) / 3) + rng.normal(0, 15));
    const cx = SIZE / 2 + rng.uniform(-1, 1);
    const cy = SIZE / 2 + rng.uniform(-1, 1);
    const r = rng.uniform(3, 5);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const ax = Math.abs(x - cx);
        const ay = Math.abs(y - cy);
        let inside = false;
        if (shape === 'disk') inside = ax * ax + ay * ay <= r * r;
        else if (shape === 'square') inside = ax <= r && ay <= r;
        else if (shape === 'hstripes') inside = ax <= r + 1 && ay <= r + 1 && Math.floor(y / 2) % 2 === 0;
        else if (shape === 'vstripes') inside = ax <= r + 1 && ay <= r + 1 && Math.floor(x / 2) % 2 === 0;
        else inside = (ax <= 1 && ay <= r + 1) || (ay <= 1 && ax <= r + 1);
        for (let c = 0; c < 3; c++) {
          const v = (inside ? fg[c] : grey) + rng.normal(0, 25);
          pixels.push(Math.max(0, Math.min(255, Math.round(v))));
        }
      }
    }
    labels.push(Array.from({ length: 10 }, (_, k) => (k === cls ? 1 : 0)));
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeImages(800);
  const test = makeImages(100);
  const xTrain = tf.tensor4d(train.pixels, [800, SIZE, SIZE, 3]);
  const yTrain = tf.tensor2d(train.labels, [800, 10]);
  const xTest = tf.tensor4d(test.pixels, [100, SIZE, SIZE, 3]);
  const yTest = tf.tensor2d(test.labels, [100, 10]);

  const model = tf.sequential();
  // Filter and unit counts scaled down (64 -> 4, 256 -> 8, 512 -> 32) for the cpu backend.
  model.add(tf.layers.conv2d({ filters: 4, kernelSize: [3, 3], kernelInitializer: 'heNormal', inputShape: [SIZE, SIZE, 3] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2] }));
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: [3, 3], kernelInitializer: 'heNormal' }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2] }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 32 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.3 }));
  model.add(tf.layers.dense({ units: 10 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));

  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 5, batchSize: 32, validationData: [xTest, yTest], verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const classesPredicted = new Set(model.predict(xTest).argMax(1).dataSync()).size;
  console.log(`loss ${h.loss.map((v) => v.toFixed(3)).join(' ')} acc ${h.acc[last].toFixed(3)} | val_loss ${h.val_loss[last].toFixed(3)} val_acc ${h.val_acc[last].toFixed(3)} | distinct predicted classes ${classesPredicted}`);
}

main();
