'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9521);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Locating a bright marker on a conveyor camera: small grayscale frames show one blurry spot
// on a noisy, unevenly lit belt, and a tiny conv net regresses the spot's centre as (x, y) in
// [0, 1] image coordinates. Half of the training frames are mirrored left-right as augmentation,
// since the camera is sometimes mounted the other way round. Evaluated on fresh, unflipped frames.
const SIZE = 12;
const N_TRAIN = 300;
const N_TEST = 200;

function captureFrames(n) {
  const frames = [];
  for (let i = 0; i < n; i++) {
    const cx = rng.uniform(2, SIZE - 2);
    const cy = rng.uniform(2, SIZE - 2);
    const radius = rng.uniform(1.2, 2.2);
    const brightness = rng.uniform(0.5, 0.9);
    const gradient = rng.uniform(-0.15, 0.15);
    const pixels = [];
    for (let r = 0; r < SIZE; r++) {
      const row = [];
      for (let c = 0; c < SIZE; c++) {
        const d2 = (c + 0.5 - cx) ** 2 + (r + 0.5 - cy) ** 2;
        const light = 0.2 + gradient * (r / SIZE - 0.5);
        const v = light + brightness * Math.exp(-d2 / (2 * radius * radius)) + rng.normal(0, 0.04);
        row.push(Math.min(1, Math.max(0, v)));
      }
      pixels.push(row);
    }
    frames.push({ pixels, target: [cx / SIZE, cy / SIZE] });
  }
  return frames;
}

function augment(frames) {
  return frames.map(({ pixels, target }) => {
    if (rng.random() < 0.5) return { pixels, target };
    const mirrored = pixels.map((row) => row.slice().reverse());
    return { pixels: mirrored, target: [target[0], target[1]] };
  });
}

function toTensors(frames) {
  const xs = tf.tensor4d(frames.flatMap((f) => f.pixels.flat()), [frames.length, SIZE, SIZE, 1]);
  const ys = tf.tensor2d(frames.map((f) => f.target), [frames.length, 2]);
  return { xs, ys };
}

async function main() {
  await tf.setBackend('cpu');

  const train = toTensors(augment(captureFrames(N_TRAIN)));
  const test = toTensors(captureFrames(N_TEST));

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 6, kernelSize: 3, activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2 }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  // mean pixel error of the predicted centre on the held-out frames
  const pred = model.predict(test.xs);
  const errX = pred.slice([0, 0], [-1, 1]).sub(test.ys.slice([0, 0], [-1, 1])).abs().mean().dataSync()[0] * SIZE;
  const errY = pred.slice([0, 1], [-1, 1]).sub(test.ys.slice([0, 1], [-1, 1])).abs().mean().dataSync()[0] * SIZE;
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${h.mae[last].toFixed(4)} | test loss ${testLoss.toFixed(4)} test mae ${testMae.toFixed(4)} | pixel error x ${errX.toFixed(2)} y ${errY.toFixed(2)}`);
}

main();
