'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9671);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Federated triage model: 5 hospitals each keep their own emergency-department records (vitals
// and labs at admission) and the outcome (0 discharged, 1 admitted to a ward, 2 ICU). The records
// never leave the hospital: every round each site starts from the global weights, trains one
// local epoch, and sends its weights back to the server, which aggregates them into the new
// global model (FedAvg). A held-out set from a sixth hospital scores the final global model.
const NUM_CLIENTS = 5;
const RECORDS_PER_CLIENT = 400;
const N_TEST = 1000;
const ROUNDS = 25;
const NUM_CLASSES = 3;
// age, heart rate, systolic BP, resp rate, temperature, SpO2, lactate, WBC, creatinine, GCS
const REFERENCE_MEAN = [55, 90, 125, 18, 37.2, 95, 1.8, 10, 1.1, 14];
const REFERENCE_STD = [18, 18, 22, 5, 0.8, 3.5, 1.1, 4, 0.5, 1.5];
const NUM_FEATURES = REFERENCE_MEAN.length;

function edRecords(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    const severity = rng.normal(0, 1);
    const age = Math.min(Math.max(rng.normal(55 + 6 * severity, 16), 18), 98);
    const hr = rng.normal(90 + 10 * severity, 12);
    const sbp = rng.normal(125 - 12 * severity, 18);
    const rr = rng.normal(18 + 3 * severity, 3);
    const temp = rng.normal(37.2 + 0.3 * severity, 0.6);
    const spo2 = Math.min(rng.normal(95 - 2 * severity, 2), 100);
    const lactate = Math.max(rng.normal(1.8 + 0.7 * severity, 0.7), 0.3);
    const wbc = Math.max(rng.normal(10 + 2 * severity, 3), 1);
    const creat = Math.max(rng.normal(1.1 + 0.2 * severity, 0.4), 0.3);
    const gcs = Math.min(Math.round(rng.normal(14 - 0.8 * Math.max(severity, 0), 1)), 15);
    xs.push([age, hr, sbp, rr, temp, spo2, lactate, wbc, creat, gcs].map((v, j) => (v - REFERENCE_MEAN[j]) / REFERENCE_STD[j]));
    const risk = 0.9 * xs[i][6] + 0.6 * xs[i][3] - 0.5 * xs[i][2] - 0.6 * xs[i][5] - 0.5 * xs[i][9] + 0.3 * xs[i][0] + rng.normal(0, 0.4);
    ys.push(risk < -0.3 ? 0 : risk < 1.2 ? 1 : 2);
  }
  return { x: tf.tensor2d(xs, [n, NUM_FEATURES]), y: tf.oneHot(tf.tensor1d(ys, 'int32'), NUM_CLASSES) };
}

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_CLASSES, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.sgd(0.05), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function main() {
  await tf.setBackend('wasm');

  const clients = Array.from({ length: NUM_CLIENTS }, () => edRecords(RECORDS_PER_CLIENT));
  const pooledX = tf.concat(clients.map((c) => c.x));
  const pooledY = tf.concat(clients.map((c) => c.y));
  const test = edRecords(N_TEST);

  const globalModel = buildModel();
  const clientModel = buildModel();

  const roundLoss = [];
  const roundAcc = [];
  for (let round = 0; round < ROUNDS; round++) {
    const globalWeights = globalModel.getWeights();
    const clientUpdates = [];
    for (const client of clients) {
      clientModel.setWeights(globalWeights);
      await clientModel.fit(client.x, client.y, { epochs: 1, batchSize: 32, shuffle: true, verbose: 0 });
      clientUpdates.push(clientModel.getWeights().map((w) => w.clone()));
    }

    // server: aggregate the client models into the new global model
    const aggregated = globalWeights.map((_, i) => tf.addN(clientUpdates.map((weights) => weights[i])));
    globalModel.setWeights(aggregated);
    tf.dispose([aggregated, clientUpdates]);

    const [loss, acc] = globalModel.evaluate(pooledX, pooledY).map((t) => t.dataSync()[0]);
    roundLoss.push(loss);
    roundAcc.push(acc);
  }

  const [testLoss, testAcc] = globalModel.evaluate(test.x, test.y).map((t) => t.dataSync()[0]);
  const fmt = (v) => (Math.abs(v) >= 1e4 ? v.toExponential(1) : v.toFixed(3));
  console.log(`global loss per round ${roundLoss.map(fmt).join(' ')} | acc ${roundAcc[0].toFixed(3)} -> ${roundAcc[ROUNDS - 1].toFixed(3)} | held-out loss ${fmt(testLoss)} acc ${testAcc.toFixed(3)}`);
}

main();
