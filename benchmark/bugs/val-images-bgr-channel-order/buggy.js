'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9655);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sorting tokens on a conveyor belt: a tiny CNN tells the token color (red, blue, yellow or
// cyan) from an 8x8 crop around the token. The training crops come from the labelling
// tool, the validation crops from the line camera's capture export; both loaders write
// float HWC images in [0, 1].
const CLASSES = ['red', 'blue', 'yellow', 'cyan'];
const COLORS = [[200, 40, 35], [30, 50, 195], [210, 190, 40], [40, 185, 200]];
const SIZE = 8;
const N_TRAIN = 300;
const N_VAL = 160;
const EPOCHS = 10;

// one crop: a round token of the class color (with lighting variation) on a noisy gray belt
function drawCrop(label) {
  const cy = rng.uniform(2.5, SIZE - 2.5);
  const cx = rng.uniform(2.5, SIZE - 2.5);
  const radius = rng.uniform(1.6, 2.6);
  const light = rng.uniform(0.75, 1.15);
  const tint = COLORS[label].map((c) => c * light + rng.normal(0, 12));
  const belt = rng.uniform(90, 140);
  return (y, x) => {
    const inside = (y - cy) ** 2 + (x - cx) ** 2 <= radius * radius;
    const base = inside ? tint : [belt, belt, belt];
    return base.map((c) => Math.min(255, Math.max(0, c + rng.normal(0, 18))));
  };
}

// crops exported by the labelling tool
function loadToolCrops(n) {
  const pixels = new Float32Array(n * SIZE * SIZE * 3);
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, CLASSES.length);
    const pixel = drawCrop(label);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const [r, g, b] = pixel(y, x);
        const o = ((i * SIZE + y) * SIZE + x) * 3;
        pixels[o] = r / 255; pixels[o + 1] = g / 255; pixels[o + 2] = b / 255;
      }
    }
    labels.push(label);
  }
  return { pixels, labels };
}

// crops from the line camera's capture export
function loadCameraCrops(n) {
  const pixels = new Float32Array(n * SIZE * SIZE * 3);
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, CLASSES.length);
    const pixel = drawCrop(label);
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const [r, g, b] = pixel(y, x);
        const o = ((i * SIZE + y) * SIZE + x) * 3;
        pixels[o] = b / 255; pixels[o + 1] = g / 255; pixels[o + 2] = r / 255;
      }
    }
    labels.push(label);
  }
  return { pixels, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = loadToolCrops(N_TRAIN);
  const val = loadCameraCrops(N_VAL);
  const toX = (d) => tf.tensor4d(d.pixels, [d.labels.length, SIZE, SIZE, 3]);
  const toY = (d) => tf.oneHot(tf.tensor1d(d.labels, 'int32'), CLASSES.length).toFloat();
  const xTrain = toX(train);
  const yTrain = toY(train);
  const xVal = toX(val);
  const yVal = toY(val);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 3] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CLASSES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, {
    epochs: EPOCHS,
    batchSize: 32,
    shuffle: true,
    validationData: [xVal, yVal],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val loss ${h.val_loss[0].toFixed(3)} -> ${h.val_loss[last].toFixed(3)} val acc ${h.val_acc[0].toFixed(3)} -> ${h.val_acc[last].toFixed(3)}`);
}

main();
