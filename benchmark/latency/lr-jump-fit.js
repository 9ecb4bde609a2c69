// model.fit with a callback that raises the learning rate at iteration ONSET: the next update
// overflows the weights.
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');
const { seedEverything } = require('../lib/prng');

const rng = seedEverything(22);
const ONSET = Number(process.env.ONSET ?? 60);

async function main() {
  await tf.setBackend('wasm');
  const n = 32 * 100;
  const x = rng.array(n * 8, () => rng.normal());
  const y = [];
  for (let i = 0; i < n; i++) y.push(x[i * 8] * 3 + x[i * 8 + 1]);
  const xs = tf.tensor2d(x, [n, 8]);
  const ys = tf.tensor2d(y, [n, 1]);
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [8] }));
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.sgd(0.01);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  let step = 0;
  await model.fit(xs, ys, {
    epochs: 3,
    batchSize: 32,
    verbose: 0,
    callbacks: {
      onBatchEnd: async () => {
        step++;
        if (step === ONSET) {
          // The wall-clock onset, for measuring time to the squiggle in the editor.
          console.log(JSON.stringify({ onsetWallMs: Date.now() }));
          optimizer.setLearningRate(1e6);
        }
      },
    },
  });
}
main();
