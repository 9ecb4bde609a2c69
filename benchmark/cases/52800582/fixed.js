const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(52800582);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  // x = -100, -99.5, ..., 99.5 and y = x^4 (up to 1e8), both standardized before training
  const xRaw = rng.array(400, (i) => -100 + 0.5 * i);
  const yRaw = xRaw.map((v) => v ** 4);
  const standardize = (a) => { const m = a.reduce((s, v) => s + v, 0) / a.length; const sd = Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / a.length); return a.map((v) => (v - m) / sd); };
  const xs = tf.tensor2d(standardize(xRaw), [400, 1]);
  const ys = tf.tensor2d(standardize(yRaw), [400, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 50, inputShape: [1] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 50 }));
  model.add(tf.layers.activation({ activation: 'elu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });

  const history = await model.fit(xs, ys, { epochs: 600, batchSize: 400, verbose: 0 });
  const losses = history.history.loss;
  const variance = tf.moments(ys).variance.dataSync()[0];
  const last = losses[losses.length - 1];
  console.log(`loss first ${losses[0].toExponential(3)} last ${last.toExponential(3)}; loss / var(y) = ${(last / variance).toFixed(4)}`);
}

main();
