// A small conv net on the cpu backend (wasm cannot train convolutions), training for about 5 s.
const tf = require('@tensorflow/tfjs');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(12);
const EPOCHS = Number(process.env.EPOCHS ?? 16);

async function main() {
  await tf.setBackend('cpu');
  const n = 256;
  const images = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    for (let p = 0; p < 12 * 12; p++) images.push((label ? (p % 12) / 12 : ((p / 12) | 0) / 12) + 0.1 * rng.normal());
    labels.push(label);
  }
  const xs = tf.tensor4d(images, [n, 12, 12, 1]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 2).toFloat();
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', inputShape: [12, 12, 1] }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const t0 = performance.now();
  const history = await model.fit(xs, ys, { epochs: EPOCHS, batchSize: 32, verbose: 0 });
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, steps: EPOCHS * Math.ceil(n / 32), loss: history.history.loss.at(-1) }));
}
main();
