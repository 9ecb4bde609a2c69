'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6271);
const tf = require('@tensorflow/tfjs');

// Fiducial localisation on 12x12 camera crops of a circuit board: each crop shows one bright
// cross-shaped alignment mark (the keypoint is its centre pixel) and a bright square solder pad
// as a distractor, on a noisy, unevenly lit background. A small fully convolutional net regresses
// a Gaussian heatmap around the keypoint with MSE; the predicted keypoint is the heatmap's peak.
const SIZE = 12;
const N_TRAIN = 240;
const N_TEST = 100;
const EPOCHS = 12;

const sigma = Math.max(1, SIZE / 16);

function heatmap(kx, ky) {
  const out = [];
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      const d2 = (c - kx) ** 2 + (r - ky) ** 2;
      out.push(Math.exp(-d2 / (2 * sigma * sigma)));
    }
  }
  return out;
}

function makeCrops(n) {
  const images = [];
  const targets = [];
  const keypoints = [];
  for (let i = 0; i < n; i++) {
    const light = rng.uniform(0.1, 0.3);
    const tilt = rng.uniform(-0.015, 0.015);
    const img = rng.array(SIZE * SIZE, (p) => light + tilt * (Math.floor(p / SIZE) - SIZE / 2) + rng.normal(0, 0.05));
    const bright = rng.uniform(0.5, 0.8);
    const px = rng.int(1, SIZE - 2);
    const py = rng.int(1, SIZE - 2);
    for (const [dy, dx] of [[0, 0], [0, 1], [1, 0], [1, 1]]) img[(py + dy) * SIZE + px + dx] = light + bright + rng.normal(0, 0.05);
    const kx = rng.int(2, SIZE - 2);
    const ky = rng.int(2, SIZE - 2);
    for (const [dy, dx] of [[0, 0], [-1, 0], [1, 0], [0, -1], [0, 1]]) img[(ky + dy) * SIZE + kx + dx] = light + bright + rng.normal(0, 0.05);
    images.push(img);
    targets.push(heatmap(kx, ky));
    keypoints.push([kx, ky]);
  }
  return { images, targets, keypoints };
}

// share of crops whose heatmap peak is within one pixel of the true keypoint
function peakAccuracy(pred, keypoints) {
  const idx = pred.reshape([keypoints.length, SIZE * SIZE]).argMax(-1).dataSync();
  let hits = 0;
  keypoints.forEach(([kx, ky], i) => {
    const x = idx[i] % SIZE;
    const y = Math.floor(idx[i] / SIZE);
    if (Math.abs(x - kx) <= 1 && Math.abs(y - ky) <= 1) hits++;
  });
  return hits / keypoints.length;
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeCrops(N_TRAIN);
  const test = makeCrops(N_TEST);
  const xTrain = tf.tensor4d(train.images.flat(), [N_TRAIN, SIZE, SIZE, 1]);
  const yTrain = tf.tensor4d(train.targets.flat(), [N_TRAIN, SIZE, SIZE, 1]);
  const xTest = tf.tensor4d(test.images.flat(), [N_TEST, SIZE, SIZE, 1]);
  const yTest = tf.tensor4d(test.targets.flat(), [N_TEST, SIZE, SIZE, 1]);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [SIZE, SIZE, 1] }));
  model.add(tf.layers.conv2d({ filters: 1, kernelSize: 3, padding: 'same' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 16, shuffle: true, verbose: 0 });

  const losses = history.history.loss;
  const trainAcc = peakAccuracy(model.predict(xTrain), train.keypoints);
  const testPred = model.predict(xTest);
  const testLoss = tf.metrics.meanSquaredError(yTest, testPred).mean().dataSync()[0];
  const testAcc = peakAccuracy(testPred, test.keypoints);
  console.log(`loss ${losses[0].toFixed(4)} -> ${losses[losses.length - 1].toFixed(4)} train peak acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(4)} test peak acc ${testAcc.toFixed(3)}`);
}

main();
