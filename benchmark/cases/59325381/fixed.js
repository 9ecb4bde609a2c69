'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(59325381);
const tf = require('@tensorflow/tfjs');

const SIZE = 16;

// One stroke template per digit class: three random line segments.
function makeTemplates() {
  return rng.array(10, () => rng.array(3, () => [rng.uniform(3, 13), rng.uniform(3, 13), rng.uniform(3, 13), rng.uniform(3, 13)]));
}

// MNIST-like 16x16 image with pixel values 0..255: the class template, shifted and noisy.
function drawDigit(strokes) {
  const img = new Float32Array(SIZE * SIZE);
  const dx = rng.int(-1, 2);
  const dy = rng.int(-1, 2);
  for (const [x0, y0, x1, y1] of strokes) {
    for (let t = 0; t <= 1; t += 0.02) {
      const cx = x0 + (x1 - x0) * t + dx;
      const cy = y0 + (y1 - y0) * t + dy;
      for (let yy = Math.floor(cy - 2); yy <= Math.ceil(cy + 2); yy++) {
        for (let xx = Math.floor(cx - 2); xx <= Math.ceil(cx + 2); xx++) {
          if (xx < 0 || yy < 0 || xx >= SIZE || yy >= SIZE) continue;
          const d = Math.hypot(xx - cx, yy - cy);
          img[yy * SIZE + xx] = Math.max(img[yy * SIZE + xx], Math.max(0, 1 - d / 2));
        }
      }
    }
  }
  return Array.from(img, (v) => Math.round(Math.min(255, Math.max(0, v * 255 + rng.normal(0, 20) * v))));
}

function makeSet(templates, n) {
  const labels = rng.array(n, () => rng.int(0, 10));
  const pixels = labels.flatMap((c) => drawDigit(templates[c]));
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');
  const templates = makeTemplates();
  const train = makeSet(templates, 120);
  const test = makeSet(templates, 100);
  const xTrain = tf.tensor4d(train.pixels.map((v) => v / 255), [120, SIZE, SIZE, 1]);
  const xTest = tf.tensor4d(test.pixels.map((v) => v / 255), [100, SIZE, SIZE, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), 10);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), 10);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: [3, 3], strides: [1, 1], padding: 'same', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], padding: 'valid' }));
  model.add(tf.layers.conv2d({ filters: 4, kernelSize: [3, 3], strides: [1, 1], padding: 'same' }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], padding: 'valid' }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 128 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest);
  const predicted = new Set(model.predict(xTest).argMax(-1).dataSync());
  console.log(`train loss ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(4)}; test loss ${testLoss.dataSync()[0].toFixed(4)} acc ${testAcc.dataSync()[0].toFixed(4)}; distinct predicted classes ${predicted.size}`);
}

main();
