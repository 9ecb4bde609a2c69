'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7712);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Route-distance estimation for a delivery service: predict the driven distance of a trip in km
// from 6 features known before departure (straight-line distance, number of stops, urban share,
// river crossings, hour of day, motorway access). Training trips come from two exports, the
// company's own fleet log and a partner courier's trip export; they are merged into one training
// set. Held-out trips are new trips from the company's own fleet.
const NUM_FEATURES = 6;
const N_OWN = 800;
const N_PARTNER = 400;
const N_TEST = 300;

function simulateTrip() {
  const straightKm = rng.uniform(1, 25);
  const stops = rng.int(0, 6);
  const urban = rng.uniform(0, 1);
  const crossings = rng.int(0, 3);
  const hour = rng.uniform(6, 22);
  const motorway = rng.random() < 0.4 ? 1 : 0;
  const detour = 1.25 + 0.35 * urban - 0.15 * motorway + 0.03 * stops;
  const km = straightKm * detour + 1.5 * crossings + 0.4 * stops + 0.02 * Math.abs(hour - 14) + rng.normal(0, 0.5);
  return { features: [straightKm, stops, urban, crossings, hour, motorway], km };
}

// Own fleet log: { features, distanceKm }.
function ownFleetLog(n) {
  return rng.array(n, () => {
    const t = simulateTrip();
    return { features: t.features, distanceKm: t.km };
  });
}

// Partner export: { features, distance } with the partner's distance field.
function partnerExport(n) {
  return rng.array(n, () => {
    const t = simulateTrip();
    return { features: t.features, distance: Math.round(t.km * 1000) };
  });
}

async function main() {
  await tf.setBackend('wasm');

  const own = ownFleetLog(N_OWN);
  const partner = partnerExport(N_PARTNER);
  const heldOut = ownFleetLog(N_TEST);

  const trainFeatures = own.map((t) => t.features).concat(partner.map((t) => t.features));
  const trainTargets = own.map((t) => t.distanceKm).concat(partner.map((t) => t.distance));
  const n = trainFeatures.length;

  // Standardize features with training-set statistics.
  const mean = Array.from({ length: NUM_FEATURES }, (_, j) => trainFeatures.reduce((s, f) => s + f[j], 0) / n);
  const std = Array.from({ length: NUM_FEATURES }, (_, j) => Math.sqrt(trainFeatures.reduce((s, f) => s + (f[j] - mean[j]) ** 2, 0) / n));
  const scale = (rows) => rows.map((f) => f.map((v, j) => (v - mean[j]) / std[j]));

  const xTrain = tf.tensor2d(scale(trainFeatures), [n, NUM_FEATURES]);
  const yTrain = tf.tensor2d(trainTargets, [n, 1]);
  const xTest = tf.tensor2d(scale(heldOut.map((t) => t.features)), [N_TEST, NUM_FEATURES]);
  const yTest = tf.tensor2d(heldOut.map((t) => t.distanceKm), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 40, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} km`);
}

main();
