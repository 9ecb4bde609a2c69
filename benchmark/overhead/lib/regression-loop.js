// The custom training loop the custom-loop programs time: optimizer.minimize over a 3-layer tanh
// MLP on the wasm backend, calling the model as `call` ('apply' or 'predict') on `batch` rows,
// with a mean squared error or (`loss: 'charbonnier'`) a loss that takes a square root per row.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../../lib/prng');

module.exports = async function train({ call, batch, steps, loss: lossName = 'mse' }) {
  const rng = seedEverything(13);
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
  for (let step = 0; step < steps; step++) {
    const start = (step * batch) % n;
    const loss = tf.tidy(() => {
      const bx = xs.slice([start, 0], [batch, 16]);
      const by = ys.slice([start, 0], [batch, 1]);
      return optimizer.minimize(() => {
        const pred = call === 'predict' ? model.predict(bx) : model.apply(bx);
        // Charbonnier: a smooth L1, sqrt(d^2 + eps^2), whose square root the probe reads at every step.
        return lossName === 'charbonnier' ? tf.mean(tf.sqrt(tf.add(tf.square(tf.sub(by, pred)), 1e-6))) : tf.losses.meanSquaredError(by, pred);
      }, true);
    });
    if (step % 100 === 0) last = loss.dataSync()[0];
    loss.dispose();
  }
  const trainMs = performance.now() - t0;
  console.log(JSON.stringify({ trainMs, steps, loss: last }));
};
