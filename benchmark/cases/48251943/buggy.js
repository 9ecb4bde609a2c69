'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(16);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

async function main() {
  await tf.setBackend('wasm');
  // 17 rows of two small real-valued columns; the target is a noisy linear mix with
  // several negative values and a few above 1.
  const n = 17;
  const rows = rng.array(n, () => [rng.uniform(-1.1, 2.1), rng.uniform(-1.1, 2.1)]);
  const targets = rows.map(([a, b]) => 0.8 * a - 0.55 * b + 0.45 + rng.normal(0, 0.1));
  const x = tf.tensor2d(rows.flat(), [n, 2]);
  const y = tf.tensor2d(targets, [n, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 4, inputShape: [2] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mse'] });

  const history = await model.fit(x, y, { epochs: 50, batchSize: 10, verbose: 0 });
  const loss = history.history.loss;
  const pred = Array.from(model.predict(x).dataSync());
  const zeros = pred.filter((v) => v === 0).length;
  const yMin = Math.min(...targets);
  const yMax = Math.max(...targets);
  console.log(`targets ${yMin.toFixed(2)}..${yMax.toFixed(2)}; loss first ${loss[0].toFixed(4)} last ${loss[loss.length - 1].toFixed(4)}; predictions ${Math.min(...pred).toFixed(3)}..${Math.max(...pred).toFixed(3)}, ${zeros}/${n} exactly 0`);
}

main();
