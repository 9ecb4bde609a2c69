// A custom loop (optimizer.minimize) whose learning rate jumps at step ONSET.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(23);
const ONSET = Number(process.env.ONSET ?? 80);

async function main() {
  await tf.setBackend('wasm');
  const n = 1024;
  const x = rng.array(n * 8, () => rng.normal());
  const y = [];
  for (let i = 0; i < n; i++) y.push(x[i * 8] - 2 * x[i * 8 + 2]);
  const xs = tf.tensor2d(x, [n, 8]);
  const ys = tf.tensor2d(y, [n, 1]);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'tanh', inputShape: [8] }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.sgd(0.01);
  for (let step = 0; step < 200; step++) {
    if (step === ONSET) optimizer.setLearningRate(1e6);
    const start = (step * 32) % n;
    tf.tidy(() => {
      const bx = xs.slice([start, 0], [32, 8]);
      const by = ys.slice([start, 0], [32, 1]);
      optimizer.minimize(() => tf.losses.meanSquaredError(by, model.apply(bx)));
    });
  }
}
main();
