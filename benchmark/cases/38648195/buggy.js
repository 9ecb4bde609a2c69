'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(38648195);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

function poisson(lambda) {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng.random();
  } while (p > l);
  return k - 1;
}

// Bag-of-words style multi-label data: each label has its own word distribution and a row
// draws a Poisson number of words from the mixture of its labels (raw counts, 3 independent labels).
function makeMultilabel(n, nFeatures, nClasses) {
  const prior = rng.array(nClasses, () => rng.random());
  const priorSum = prior.reduce((a, b) => a + b, 0);
  const wordDist = rng.array(nClasses, () => {
    const w = rng.array(nFeatures, () => rng.random() ** 3);
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((v) => v / s);
  });
  const pick = (probs) => {
    let u = rng.random();
    for (let i = 0; i < probs.length; i++) {
      u -= probs[i];
      if (u <= 0) return i;
    }
    return probs.length - 1;
  };
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const y = new Array(nClasses).fill(0);
    const k = Math.min(nClasses, poisson(1.5));
    while (y.reduce((a, b) => a + b, 0) < k) y[pick(prior.map((p) => p / priorSum))] = 1;
    const active = y.map((v, c) => (v ? c : -1)).filter((c) => c >= 0);
    const x = new Array(nFeatures).fill(0);
    const len = poisson(50);
    for (let w = 0; w < len; w++) {
      const dist = active.length ? wordDist[active[rng.int(0, active.length)]] : null;
      x[dist ? pick(dist) : rng.int(0, nFeatures)]++;
    }
    rows.push(x);
    labels.push(y);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const { rows, labels } = makeMultilabel(2000, 20, 3);
  const xTrain = tf.tensor2d(rows.slice(0, 1600), [1600, 20]);
  const yTrain = tf.tensor2d(labels.slice(0, 1600), [1600, 3]);
  const xVal = tf.tensor2d(rows.slice(1600), [400, 20]);
  const yVal = tf.tensor2d(labels.slice(1600), [400, 3]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 20, inputShape: [20] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 20 }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 3 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));

  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 20, validationData: [xVal, yVal], verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  // Same yardstick for both versions: per-label accuracy and exact label-set match at threshold 0.5.
  const pred = model.predict(xVal).greater(0.5).cast('float32');
  const labelAcc = pred.equal(yVal).cast('float32').mean().dataSync()[0];
  const exact = pred.equal(yVal).all(1).cast('float32').mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} acc ${h.acc[last].toFixed(3)} val_loss ${h.val_loss[last].toFixed(4)} val_acc ${h.val_acc[last].toFixed(3)} | held-out per-label acc ${labelAcc.toFixed(3)} exact match ${exact.toFixed(3)}`);
}

main();
