// A custom training loop over model.predict (optimizer.minimize, no fit) on the wasm backend. predict
// splits each 64-row batch into two of 32 and frees their layer outputs inside: the probe keeps
// copies of them for its statistics, the cost this program measures.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(13);
const STEPS = Number(process.env.STEPS ?? 2500);

async function main() {
  await tf.setBackend('wasm');
  const n = 2048;
  const x = rng.array(n * 16, () => rng.normal());
  const y = [];
  for (let i = 0; i < n; i++) y.push(Math.sin(x[i * 16]) + 0.5 * x[i * 16 + 1]);
  const xs = tf.tensor2d(x, [n, 16]);
  const ys = tf.tensor2d(y, [n, 1]);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'tanh', inputShape: [16] }));
  model.add(tf.layers.dense({ units: 64, activation: 'tanh' }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.adam(0.003);
  const t0 = performance.now();
  let last = 0;
  for (let step = 0; step < STEPS; step++) {
    const start = (step * 64) % n;
    const loss = tf.tidy(() => {
      const bx = xs.slice([start, 0], [64, 16]);
      const by = ys.slice([start, 0], [64, 1]);
      return optimizer.minimize(() => tf.losses.meanSquaredError(by, model.predict(bx)), true);
    });
    if (step % 100 === 0) last = loss.dataSync()[0];
    loss.dispose();
  }
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, steps: STEPS, loss: last }));
}
main();
