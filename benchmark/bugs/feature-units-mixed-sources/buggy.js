'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9541);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// 30-day readmission after a heart-failure admission, from the discharge record:
// age, left-ventricular ejection fraction, serum creatinine (mg/dL), serum sodium (mEq/L) and
// systolic blood pressure (mmHg). The two hospitals of the network each send a CSV export of
// their discharges with the same columns; the exports are pooled, standardized with the training
// statistics and fed to a small MLP. The following quarter's exports are the held-out set.
const FEATURES = ['age', 'ejection_fraction', 'creatinine', 'sodium', 'systolic_bp'];
const N_TRAIN_PER_SITE = 700;
const N_TEST_PER_SITE = 300;

// Simulated discharge exports, one per site; each site's EHR writes its own export with the
// shared header.
function exportSite(n, efAsPercent) {
  const lines = ['patient_id,age,ejection_fraction,creatinine,sodium,systolic_bp,readmitted'];
  for (let i = 0; i < n; i++) {
    const age = rng.int(45, 92);
    const ef = rng.uniform(0.15, 0.7);
    const creatinine = Math.max(0.5, rng.normal(1.3, 0.45));
    const sodium = rng.normal(137, 4);
    const sbp = rng.normal(128, 18);
    const logit = 14 * (0.4 - ef) + 0.8 * (creatinine - 1.3) - 0.08 * (sodium - 137) + 0.02 * (age - 68) + rng.normal(0, 0.6);
    const readmitted = logit > 0 ? 1 : 0;
    const efCell = efAsPercent ? (100 * ef).toFixed(0) : ef.toFixed(2);
    lines.push(`${rng.int(100000, 999999)},${age},${efCell},${creatinine.toFixed(2)},${sodium.toFixed(0)},${sbp.toFixed(0)},${readmitted}`);
  }
  return lines.join('\n') + '\n';
}

function parseCsv(text) {
  const lines = text.trim().split('\n');
  const keys = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row = {};
    keys.forEach((key, j) => {
      row[key] = Number(cells[j]);
    });
    return row;
  });
}

function loadDischarges(northCsv, southCsv) {
  const north = parseCsv(northCsv);
  const south = parseCsv(southCsv);
  const rows = north.concat(south);
  return {
    xs: rows.map((r) => FEATURES.map((f) => r[f])),
    ys: rows.map((r) => [r.readmitted]),
  };
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadDischarges(exportSite(N_TRAIN_PER_SITE, true), exportSite(N_TRAIN_PER_SITE, false));
  const test = loadDischarges(exportSite(N_TEST_PER_SITE, true), exportSite(N_TEST_PER_SITE, false));
  const xTrainRaw = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xTestRaw = tf.tensor2d(test.xs);
  const yTest = tf.tensor2d(test.ys);

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [FEATURES.length] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
