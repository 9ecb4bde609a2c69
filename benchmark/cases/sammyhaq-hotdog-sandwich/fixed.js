'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(20180401);
const tf = require('@tensorflow/tfjs');

// Twice the image size and five times the data.
const SIZE = 32;
const PER_CLASS = 200;

// Grayscale food photo stand-in: class 1 ("sandwich") is a layered slab of bands, class 0
// ("other food") a few round blobs; both on a noisy background at a random rotation.
function drawFood(isSandwich) {
  const img = new Float32Array(SIZE * SIZE);
  const angle = rng.uniform(0, Math.PI);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const period = SIZE * rng.uniform(0.14, 0.22);
  const phase = rng.uniform(0, period);
  const blobs = rng.array(rng.int(3, 6), () => [SIZE * rng.uniform(0.2, 0.8), SIZE * rng.uniform(0.2, 0.8), SIZE * rng.uniform(0.1, 0.22)]);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const u = (x - SIZE / 2) * cos + (y - SIZE / 2) * sin;
      const v = -(x - SIZE / 2) * sin + (y - SIZE / 2) * cos;
      let value = 90 + rng.normal(0, 25);
      if (isSandwich) {
        if (Math.abs(u) < SIZE * 0.4 && Math.abs(v) < SIZE * 0.3) value = 128 + 80 * Math.sin((2 * Math.PI * (v + phase)) / period) + rng.normal(0, 25);
      } else {
        for (const [bx, by, r] of blobs) if (Math.hypot(x - bx, y - by) < r) value = 200 - (60 * Math.hypot(x - bx, y - by)) / r + rng.normal(0, 25);
      }
      img[y * SIZE + x] = Math.min(255, Math.max(0, Math.round(value)));
    }
  }
  return img;
}

// 5x5 box blur.
function blur(img) {
  const out = new Float32Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= SIZE || xx >= SIZE) continue;
          sum += img[yy * SIZE + xx];
          count += 1;
        }
      }
      out[y * SIZE + x] = Math.round(sum / count);
    }
  }
  return out;
}

// Histogram equalization of an 8-bit image, then /255: values roughly uniform in [0, 1].
function equalize(img) {
  const hist = new Array(256).fill(0);
  for (const v of img) hist[v] += 1;
  const cdf = [];
  let acc = 0;
  for (const h of hist) cdf.push((acc += h));
  const cdfMin = cdf.find((c) => c > 0);
  return Array.from(img, (v) => Math.round(((cdf[v] - cdfMin) / (img.length - cdfMin)) * 255) / 255);
}

async function main() {
  await tf.setBackend('cpu');
  const samples = [];
  for (let i = 0; i < PER_CLASS; i++) {
    samples.push({ pixels: equalize(blur(drawFood(true))), label: 1 });
    samples.push({ pixels: equalize(blur(drawFood(false))), label: 0 });
  }
  for (let i = samples.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [samples[i], samples[j]] = [samples[j], samples[i]];
  }
  const nTrain = Math.round(samples.length * 0.8);
  const train = samples.slice(0, nTrain);
  const test = samples.slice(nTrain);
  const xTrain = tf.tensor4d(train.flatMap((s) => s.pixels), [train.length, SIZE, SIZE, 1]);
  const yTrain = tf.oneHot(tf.tensor1d(train.map((s) => s.label), 'int32'), 2);
  const xTest = tf.tensor4d(test.flatMap((s) => s.pixels), [test.length, SIZE, SIZE, 1]);
  const yTest = tf.oneHot(tf.tensor1d(test.map((s) => s.label), 'int32'), 2);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 4, kernelSize: [8, 8], strides: [4, 4], padding: 'valid', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.elu());
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: [5, 5], strides: [2, 2], padding: 'same' }));
  model.add(tf.layers.elu());
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: [5, 5], strides: [2, 2], padding: 'same' }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.elu());
  model.add(tf.layers.dense({ units: 512 }));
  model.add(tf.layers.elu());
  model.add(tf.layers.dense({ units: 2 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 6, batchSize: 32, validationSplit: 0.1, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest);
  console.log(`params ${model.countParams()}; loss first ${h.loss[0].toFixed(4)} last ${h.loss[last].toFixed(4)}; acc last ${h.acc[last].toFixed(4)}; val acc last ${h.val_acc[last].toFixed(4)}; test loss ${testLoss.dataSync()[0].toFixed(4)} acc ${testAcc.dataSync()[0].toFixed(4)}`);
}

main();
