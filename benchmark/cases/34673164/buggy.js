'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(34673164);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Nine county rows with the raw census magnitudes (population up to ~7e5, incomes ~1e5,
// standardized-looking columns 13-15 near 0); the winner depends on columns 13 and 14.
function makeCounties(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const pct = () => rng.uniform(10, 40);
    // County size drives the population-like columns together.
    const pop = Math.round(Math.exp(rng.uniform(Math.log(1e4), Math.log(7e5))));
    rows.push([
      pop,
      pct(), i === 3 ? 313 : pct(), pct(), pct(), pct(),
      Math.round(Math.max(90, pop * rng.uniform(0.005, 0.26))),
      Math.round(Math.min(2.7e5, Math.max(4e3, pop * rng.uniform(0.3, 0.4)))),
      rng.uniform(2.4, 2.6),
      rng.uniform(50, 75),
      rng.uniform(14, 29),
      rng.uniform(10, 32),
      rng.uniform(5.7e4, 1.6e5),
      rng.uniform(-1.2, 2.2), rng.uniform(-1.2, 2.2), rng.uniform(-1.2, 2.2),
    ]);
  }
  const score = rows.map((r) => r[13] + r[14]);
  const cut = [...score].sort((a, b) => b - a)[1];
  const labels = score.map((s) => (s >= cut ? [0, 1] : [1, 0]));
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const { rows, labels } = makeCounties(9);
  const xTrain = tf.tensor2d(rows, [9, 16]);
  const yTrain = tf.tensor2d(labels, [9, 2]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, inputShape: [16], kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'tanh' }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 64, kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'tanh' }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 2, kernelInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'softmax' }));

  const optimizer = tf.train.momentum(0.1, 0.9, true);
  model.compile({ optimizer, loss: 'meanSquaredError', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 16, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const tail = (a) => a.slice(-10);
  console.log(`final loss ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | last 10 epochs: loss ${Math.min(...tail(h.loss)).toFixed(3)}..${Math.max(...tail(h.loss)).toFixed(3)}, acc ${Math.min(...tail(h.acc)).toFixed(2)}..${Math.max(...tail(h.acc)).toFixed(2)}`);
}

main();
