'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(44066044);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// 21 packets, 11 raw header fields: IPs as 32-bit integers (~3.232e9), protocol, TTL, window,
// port, then small counters. The label follows the first counter.
function makePackets(n) {
  const srcIps = [3232235777, 3232235876, 3232236033];
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const counter = i % 21 < 8 ? rng.int(7, 13) : rng.int(0, 6);
    rows.push([
      srcIps[rng.int(0, 3)],
      3232235786,
      6,
      128,
      rng.int(8000, 530000),
      rng.int(502, 56784),
      counter,
      rng.random() < 0.5 ? 0 : 65280,
      rng.int(0, 7),
      0,
      rng.int(0, 208),
    ]);
    labels.push([counter >= 7 ? 1 : 0]);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const { rows, labels } = makePackets(21);
  const X = tf.tensor2d(rows, [21, 11]);
  const Y = tf.tensor2d(labels, [21, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 12, inputShape: [11], kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 12, kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.randomNormal({ mean: 0, stddev: 0.05 }) }));
  model.add(tf.layers.activation({ activation: 'relu' }));

  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(X, Y, { epochs: 100, batchSize: 5, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const out = Array.from(model.predict(X).dataSync());
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} | outputs min ${Math.min(...out).toExponential(2)} max ${Math.max(...out).toExponential(2)}`);
}

main();
