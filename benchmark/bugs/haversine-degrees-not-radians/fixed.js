'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9550);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Transit time (hours) of less-than-truckload freight shipments between US terminals. Each
// shipment record has the origin and destination terminal coordinates (latitude/longitude in
// degrees), the pallet count, whether it was booked as expedited and whether it was picked up on a
// Friday (weekend hold at the hub). The great-circle trip length is computed with the haversine
// formula and fed to an MLP with the shipment attributes, standardized with the training statistics.
const N_TRAIN = 2000;
const N_TEST = 500;
const EARTH_RADIUS_KM = 6371;

function haversineKm(lat1, lon1, lat2, lon2) {
  const dLat = ((lat2 - lat1) * Math.PI) / 180;
  const dLon = ((lon2 - lon1) * Math.PI) / 180;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos((lat1 * Math.PI) / 180) * Math.cos((lat2 * Math.PI) / 180) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

// terminals spread over the continental US
const TERMINALS = rng.array(150, () => ({ lat: rng.uniform(29, 47), lon: rng.uniform(-122, -72) }));

// dispatch log from the carrier: the trucks drive about 1.25x the straight-line distance
const KM_PER_DEG_LAT = 111;
const KM_PER_DEG_LON = 88; // around 38 degrees north
function shipments(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const from = TERMINALS[rng.int(0, TERMINALS.length)];
    let to = TERMINALS[rng.int(0, TERMINALS.length)];
    while (to === from) to = TERMINALS[rng.int(0, TERMINALS.length)];
    const pallets = rng.int(1, 13);
    const expedited = rng.random() < 0.2 ? 1 : 0;
    const friday = rng.random() < 1 / 5 ? 1 : 0;
    const roadKm = 1.25 * Math.hypot((to.lat - from.lat) * KM_PER_DEG_LAT, (to.lon - from.lon) * KM_PER_DEG_LON);
    const hours = roadKm / (expedited ? 85 : 65) + 6 + 0.5 * pallets + 10 * friday + rng.normal(0, 2);
    rows.push({ from, to, pallets, expedited, friday, hours });
  }
  return rows;
}

function toFeatures(rows) {
  return rows.map((s) => [
    haversineKm(s.from.lat, s.from.lon, s.to.lat, s.to.lon),
    s.pallets,
    s.expedited,
    s.friday,
  ]);
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = shipments(N_TRAIN);
  const testRows = shipments(N_TEST);
  const xTrainRaw = tf.tensor2d(toFeatures(trainRows));
  const yTrain = tf.tensor2d(trainRows.map((s) => [s.hours]));
  const xTestRaw = tf.tensor2d(toFeatures(testRows));
  const yTest = tf.tensor2d(testRows.map((s) => [s.hours]));

  const { mean, variance } = tf.moments(xTrainRaw, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = xTrainRaw.sub(mean).div(std);
  const xTest = xTestRaw.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [xTrain.shape[1]] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 30, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)} (hours)`);
}

main();
