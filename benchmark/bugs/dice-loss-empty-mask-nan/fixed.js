'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7719);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Defect segmentation on 8x8 thermal patches from a solar-panel inspection: a defect is a warmer
// rectangle on a noisy background, many patches have no defect at all. A dense network maps the
// 64 flattened pixels to 64 per-pixel defect probabilities and is trained with a log dice loss.
const SIZE = 8;
const PIXELS = SIZE * SIZE;
const N_TRAIN = 1200;
const N_TEST = 300;
const P_DEFECT = 0.7;
const EPOCHS = 30;

function makePatches(n) {
  const xs = [];
  const masks = [];
  for (let i = 0; i < n; i++) {
    const img = rng.array(PIXELS, () => rng.normal(0.2, 0.1));
    const mask = new Array(PIXELS).fill(0);
    if (rng.random() < P_DEFECT) {
      const w = rng.int(2, 5);
      const h = rng.int(2, 5);
      const r0 = rng.int(0, SIZE - h + 1);
      const c0 = rng.int(0, SIZE - w + 1);
      for (let r = r0; r < r0 + h; r++) {
        for (let c = c0; c < c0 + w; c++) {
          mask[r * SIZE + c] = 1;
          img[r * SIZE + c] = rng.normal(0.8, 0.1);
        }
      }
    }
    xs.push(img);
    masks.push(mask);
  }
  return { xs, masks };
}

// per-patch soft dice over the 64 pixels, averaged over the batch
function logDiceLoss(yTrue, yPred) {
  return tf.tidy(() => {
    const intersection = yTrue.mul(yPred).sum(-1);
    const total = yTrue.sum(-1).add(yPred.sum(-1));
    const dice = intersection.mul(2).add(1).div(total.add(1));
    return dice.log().neg().mean();
  });
}

function iou(yTrue, yPred) {
  return tf.tidy(() => {
    const pred = yPred.greater(0.5).toFloat();
    const inter = pred.mul(yTrue).sum();
    const union = pred.add(yTrue).greater(0).toFloat().sum();
    return inter.div(union).dataSync()[0];
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePatches(N_TRAIN);
  const test = makePatches(N_TEST);
  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, PIXELS]);
  const yTrain = tf.tensor2d(train.masks, [N_TRAIN, PIXELS]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, PIXELS]);
  const yTest = tf.tensor2d(test.masks, [N_TEST, PIXELS]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [PIXELS] }));
  model.add(tf.layers.dense({ units: PIXELS, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: logDiceLoss });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });
  const losses = history.history.loss;
  const trainPred = model.predict(xTrain);
  const testPred = model.predict(xTest);
  const testLoss = logDiceLoss(yTest, testPred).dataSync()[0];
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train iou ${iou(yTrain, trainPred).toFixed(3)} | test loss ${testLoss.toFixed(3)} test iou ${iou(yTest, testPred).toFixed(3)}`);
}

main();
