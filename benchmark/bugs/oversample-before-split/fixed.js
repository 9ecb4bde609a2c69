'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9528);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Churn prediction for a subscription service. Each customer row has tenure, monthly charge,
// support tickets, logins per week, discount share, payment delays, plan tier and contract
// length; the label says whether the customer cancelled within 90 days. Only about one in ten
// customers churns, so the minority rows are oversampled until both classes are the same size.
// 20% of the rows are held out for validation; next quarter's customers are the test set.
const N_CUSTOMERS = 1500;
const N_TEST = 1500;
const NUM_FEATURES = 8;
const VAL_FRACTION = 0.2;

function loadCustomers(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const x = [
      rng.uniform(0, 1), // tenure (scaled)
      rng.uniform(0, 1), // monthly charge (scaled)
      rng.uniform(0, 1), // support tickets (scaled)
      rng.uniform(0, 1), // logins per week (scaled)
      rng.uniform(0, 1), // discount share
      rng.uniform(0, 1), // payment delays (scaled)
      rng.uniform(0, 1), // plan tier (scaled)
      rng.uniform(0, 1), // contract length (scaled)
    ];
    const risk = -6 * x[0] + 3 * x[1] + 5 * x[2] - 4 * x[3] + 4 * x[5] - 2 * x[7] - 4.2;
    const churned = rng.random() < 1 / (1 + Math.exp(-risk)) ? 1 : 0;
    rows.push({ x, y: churned });
  }
  return rows;
}

// duplicate random minority rows until both classes have the same count
function oversampleMinority(rows) {
  const positives = rows.filter((r) => r.y === 1);
  const negatives = rows.filter((r) => r.y === 0);
  const [minority, majority] = positives.length < negatives.length ? [positives, negatives] : [negatives, positives];
  const extra = [];
  while (minority.length + extra.length < majority.length) extra.push(minority[rng.int(0, minority.length)]);
  return [...rows, ...extra];
}

function shuffledSplit(rows, valFraction) {
  const shuffled = rows.slice();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const nVal = Math.round(shuffled.length * valFraction);
  return { train: shuffled.slice(nVal), val: shuffled.slice(0, nVal) };
}

function toTensors(rows) {
  return {
    xs: tf.tensor2d(rows.map((r) => r.x), [rows.length, NUM_FEATURES]),
    ys: tf.tensor2d(rows.map((r) => [r.y]), [rows.length, 1]),
  };
}

// accuracy and recall (share of churners caught) at a 0.5 threshold
function scores(model, rows) {
  const { xs } = toTensors(rows);
  const p = model.predict(xs).dataSync();
  let correct = 0;
  let caught = 0;
  let churners = 0;
  rows.forEach((r, i) => {
    const pred = p[i] > 0.5 ? 1 : 0;
    if (pred === r.y) correct++;
    if (r.y === 1) {
      churners++;
      if (pred === 1) caught++;
    }
  });
  return { acc: correct / rows.length, recall: caught / churners };
}

async function main() {
  await tf.setBackend('wasm');

  const customers = loadCustomers(N_CUSTOMERS);
  const testRows = loadCustomers(N_TEST);
  const { train: trainRows, val } = shuffledSplit(customers, VAL_FRACTION);
  const train = oversampleMinority(trainRows);
  const { xs: xTrain, ys: yTrain } = toTensors(train);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 50, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const v = scores(model, val);
  const t = scores(model, testRows);
  console.log(`train rows ${train.length} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | val acc ${v.acc.toFixed(3)} val recall ${v.recall.toFixed(3)} | test acc ${t.acc.toFixed(3)} test recall ${t.recall.toFixed(3)}`);
}

main();
