'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5126);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Land-cover classification of satellite pixels from 10 reflectance bands (already scaled to
// roughly unit range). Each of the 6 cover types has four typical spectral signatures (e.g. the
// four seasons) and pixels scatter around them. The survey table is shuffled once and split;
// the MLP is trained with a hand-written mini-batch loop over the plain JS rows.
const COVER_TYPES = ['water', 'forest', 'grassland', 'cropland', 'urban', 'bare'];
const N_BANDS = 10;
const N_PIXELS = 2400;
const N_TEST = 400;

const EPOCHS = 20;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.005;

const signatures = COVER_TYPES.map(() => [0, 1, 2, 3].map(() => rng.array(N_BANDS, () => rng.normal(0, 1))));

function makePixel() {
  const cls = rng.int(0, COVER_TYPES.length);
  const sig = signatures[cls][rng.int(0, 4)];
  return { bands: sig.map((m) => m + rng.normal(0, 0.6)), cls };
}

function shuffle(rows) {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

async function main() {
  await tf.setBackend('wasm');

  const rows = shuffle(rng.array(N_PIXELS, makePixel));
  const trainRows = rows.slice(0, N_PIXELS - N_TEST);
  const testRows = rows.slice(N_PIXELS - N_TEST);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_BANDS] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: COVER_TYPES.length, activation: 'softmax' }));

  const optimizer = tf.train.adam(LEARNING_RATE);
  const losses = [];

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let epochLoss = 0;
    let steps = 0;
    for (let start = 0; start < trainRows.length; start += BATCH_SIZE) {
      const batch = trainRows.slice(start, BATCH_SIZE);
      if (batch.length === 0) continue;
      const cost = tf.tidy(() => {
        const xb = tf.tensor2d(batch.map((r) => r.bands), [batch.length, N_BANDS]);
        const yb = tf.oneHot(tf.tensor1d(batch.map((r) => r.cls), 'int32'), COVER_TYPES.length).toFloat();
        return optimizer.minimize(() => tf.metrics.categoricalCrossentropy(yb, model.apply(xb, { training: true })).mean(), true);
      });
      epochLoss += cost.dataSync()[0];
      steps += 1;
      cost.dispose();
    }
    losses.push(epochLoss / steps);
  }

  const evaluate = (set) =>
    tf.tidy(() => {
      const x = tf.tensor2d(set.map((r) => r.bands), [set.length, N_BANDS]);
      const y = tf.oneHot(tf.tensor1d(set.map((r) => r.cls), 'int32'), COVER_TYPES.length).toFloat();
      const probs = model.predict(x);
      const loss = tf.metrics.categoricalCrossentropy(y, probs).mean().dataSync()[0];
      const acc = probs.argMax(-1).equal(y.argMax(-1)).mean().dataSync()[0];
      return [loss, acc];
    });
  const [trainLoss, trainAcc] = evaluate(trainRows);
  const [testLoss, testAcc] = evaluate(testRows);
  console.log(`batch loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} | train loss ${trainLoss.toFixed(3)} train acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
