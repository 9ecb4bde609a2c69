'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9527);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of 8x8 multispectral tiles (one band, flattened to 64 reflectance
// values in [0, 1]); each of the 8 cover types has its own texture template. Only 200 labelled
// tiles, so every batch is regularized with mixup: each tile is blended with a random partner
// from the batch using a weight lam ~ Beta(0.2, 0.2), and the one-hot labels are blended to match.
const COVER_TYPES = ['water', 'forest', 'cropland', 'grassland', 'urban', 'bare-soil', 'wetland', 'snow'];
const NUM_CLASSES = COVER_TYPES.length;
const TILE = 8;
const NUM_PIXELS = TILE * TILE;
const N_TRAIN = 200;
const N_TEST = 800;

const EPOCHS = 40;
const BATCH_SIZE = 32;
const MIXUP_ALPHA = 0.2;

const templates = rng.array(NUM_CLASSES, () => rng.array(NUM_PIXELS, () => rng.uniform(0.2, 0.8)));

function loadTiles(n) {
  const xs = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, NUM_CLASSES);
    const brightness = rng.normal(0, 0.05);
    xs.push(templates[c].map((v) => Math.min(1, Math.max(0, v + brightness + rng.normal(0, 0.3)))));
    labels.push(c);
  }
  return { xs, labels };
}

const oneHot = (c) => rng.array(NUM_CLASSES, (k) => (k === c ? 1 : 0));

// Beta(a, a) draw for a < 1 (Johnk's method).
function sampleBeta(a) {
  for (;;) {
    const x = Math.pow(rng.random(), 1 / a);
    const y = Math.pow(rng.random(), 1 / a);
    if (x + y <= 1 && x + y > 0) return x / (x + y);
  }
}

function mixupBatch(xs, ys) {
  const partner = tf.util.createShuffledIndices(xs.length);
  const mixedX = [];
  const mixedY = [];
  for (let i = 0; i < xs.length; i++) {
    const j = partner[i];
    const lam = sampleBeta(MIXUP_ALPHA);
    mixedX.push(xs[i].map((v, k) => lam * v + (1 - lam) * xs[j][k]));
    mixedY.push(ys[i].map((v, k) => (1 - lam) * v + lam * ys[j][k]));
  }
  return { mixedX, mixedY };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadTiles(N_TRAIN);
  const test = loadTiles(N_TEST);
  const trainY = train.labels.map(oneHot);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_PIXELS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRAIN);
    let epochLoss = 0;
    let batches = 0;
    for (let b = 0; b + BATCH_SIZE <= N_TRAIN; b += BATCH_SIZE) {
      const idx = Array.from(order.slice(b, b + BATCH_SIZE));
      const { mixedX, mixedY } = mixupBatch(idx.map((i) => train.xs[i]), idx.map((i) => trainY[i]));
      const xb = tf.tensor2d(mixedX, [BATCH_SIZE, NUM_PIXELS]);
      const yb = tf.tensor2d(mixedY, [BATCH_SIZE, NUM_CLASSES]);
      const [loss] = await model.trainOnBatch(xb, yb);
      tf.dispose([xb, yb]);
      epochLoss += loss;
      batches++;
    }
    losses.push(epochLoss / batches);
  }

  const xTrain = tf.tensor2d(train.xs, [N_TRAIN, NUM_PIXELS]);
  const yTrain = tf.tensor2d(trainY, [N_TRAIN, NUM_CLASSES]);
  const xTest = tf.tensor2d(test.xs, [N_TEST, NUM_PIXELS]);
  const yTest = tf.tensor2d(test.labels.map(oneHot), [N_TEST, NUM_CLASSES]);
  const [, trainAcc] = model.evaluate(xTrain, yTrain).map((t) => t.dataSync()[0]);
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} train acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
