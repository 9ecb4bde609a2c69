'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5309);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Tiny shape classifier: 8x8 grayscale images containing one noisy stroke, either a horizontal
// bar, a vertical bar or a diagonal, drawn at a random position. Two small conv blocks, softmax.
const SIZE = 8;
const NUM_CLASSES = 3;

function drawShape(kind) {
  const img = rng.array(SIZE * SIZE, () => rng.uniform(0, 0.2));
  const len = rng.int(4, 7);
  const r0 = rng.int(0, SIZE - len + 1);
  const c0 = rng.int(0, SIZE - len + 1);
  const fixedAt = rng.int(0, SIZE);
  for (let k = 0; k < len; k++) {
    let r;
    let c;
    if (kind === 0) [r, c] = [fixedAt, c0 + k];
    else if (kind === 1) [r, c] = [r0 + k, fixedAt];
    else [r, c] = [r0 + k, c0 + k];
    img[r * SIZE + c] = rng.uniform(0.7, 1);
  }
  return img;
}

function makeImages(n) {
  const images = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const kind = rng.int(0, NUM_CLASSES);
    images.push(drawShape(kind));
    labels.push(kind);
  }
  const xs = tf.tensor4d(images.flat(), [n, SIZE, SIZE, 1]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), NUM_CLASSES).toFloat();
  return { xs, ys };
}

// shared settings for the conv layers
const convOptions = { kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: 'glorotUniform' };

async function main() {
  await tf.setBackend('cpu');

  const train = makeImages(240);
  const test = makeImages(120);

  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [SIZE, SIZE, 1], filters: 4, ...convOptions }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 8, ...convOptions }));
  model.add(tf.layers.globalMaxPooling2d({}));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(train.xs, train.ys, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(test.xs, test.ys).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
