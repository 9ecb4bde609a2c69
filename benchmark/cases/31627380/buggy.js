'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(31627380);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Titanic-like table: 10 label-encoded columns kept at their raw ranges
// (Name / Ticket / Cabin codes in the hundreds, Fare up to 512), as the original fed them.
function makeTitanic(n) {
  const rows = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const u = rng.random();
    const pclass = u < 0.24 ? 0 : u < 0.45 ? 1 : 2;
    const name = rng.int(0, 1307);
    const sex = rng.random() < 0.35 ? 0 : 1;
    const age = Math.min(80, Math.max(0.42, rng.normal(29.7, 13)));
    const sibsp = rng.random() < 0.68 ? 0 : rng.random() < 0.75 ? 1 : rng.int(2, 9);
    const parch = rng.random() < 0.76 ? 0 : rng.int(1, 7);
    const ticket = rng.int(0, 930);
    const fare = Math.min(512.33, Math.max(0, [84, 21, 13][pclass] * Math.exp(rng.normal(0, 0.6))));
    const cabin = pclass === 0 || rng.random() < 0.05 ? rng.int(0, 186) : 186;
    const embarked = rng.random() < 0.72 ? 2 : rng.random() < 0.7 ? 0 : rng.random() < 0.98 ? 1 : 3;
    // Survival driven by sex, class and age (about 38% positive).
    const logit = 1.9 - 2.5 * sex - 0.9 * pclass - 0.03 * (age - 30);
    const survived = rng.random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    rows.push([pclass, name, sex, age, sibsp, parch, ticket, fare, cabin, embarked]);
    labels.push(survived === 1 ? [0, 1] : [1, 0]);
  }
  return { rows, labels };
}

async function main() {
  await tf.setBackend('wasm');

  const { rows, labels } = makeTitanic(891);
  const xTrain = tf.tensor2d(rows, [891, 10]);
  const yTrain = tf.tensor2d(labels, [891, 2]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 512, inputShape: [10] }));
  model.add(tf.layers.activation({ activation: 'relu' }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 2 }));
  model.add(tf.layers.activation({ activation: 'softmax' }));

  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 4, validationSplit: 0.2, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  console.log(`loss ${h.loss.map((v) => v.toFixed(3)).join(' ')} | acc ${h.acc[last].toFixed(3)} val_loss ${h.val_loss[last].toFixed(3)} val_acc ${h.val_acc[last].toFixed(3)}`);
}

main();
