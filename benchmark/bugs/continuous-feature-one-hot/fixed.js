'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4529);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Holiday-rental demand: nights booked over the next 30 days for a listing, from its district,
// room type, number of guests it sleeps and its nightly price. Guests book the listings that are
// cheap for what they offer, so the price relative to the district and room type decides most of
// the demand. A small schema drives the feature pipeline: categorical columns are one-hot
// encoded with the values seen in training, the others are standardized with training stats.
const DISTRICTS = ['old-town', 'harbour', 'university', 'station', 'suburbs'];
const DISTRICT_PRICE = [140, 120, 75, 90, 60];
const ROOM_TYPES = ['entire-home', 'private-room', 'shared-room'];
const ROOM_FACTOR = [1.0, 0.55, 0.3];
const COLUMNS = ['district', 'roomType', 'guests', 'price'];
const CATEGORICAL = ['district', 'roomType'];
const N_TRAIN = 600;
const N_TEST = 300;

function makeListings(n) {
  const rows = [];
  const nights = [];
  for (let i = 0; i < n; i++) {
    const d = rng.int(0, DISTRICTS.length);
    const r = rng.int(0, ROOM_TYPES.length);
    const guests = r === 0 ? rng.int(2, 7) : rng.int(1, 3);
    const fair = DISTRICT_PRICE[d] * ROOM_FACTOR[r] * (1 + 0.08 * guests);
    const price = Math.round(fair * Math.exp(rng.normal(0, 0.3)) * 100) / 100;
    const demand = 1 / (1 + Math.exp(4 * Math.log(price / fair) - 0.4));
    rows.push({ district: DISTRICTS[d], roomType: ROOM_TYPES[r], guests, price });
    nights.push(Math.max(0, Math.min(30, 30 * demand + rng.normal(0, 1.5))));
  }
  return { rows, nights };
}

function fitSchema(rows) {
  return COLUMNS.map((name) => {
    if (CATEGORICAL.includes(name)) {
      const values = [...new Set(rows.map((r) => r[name]))];
      return { name, index: new Map(values.map((v, i) => [v, i])), width: values.length };
    }
    const mean = rows.reduce((s, r) => s + r[name], 0) / rows.length;
    const std = Math.sqrt(rows.reduce((s, r) => s + (r[name] - mean) ** 2, 0) / rows.length);
    return { name, mean, std, width: 1 };
  });
}

function encode(rows, schema) {
  return rows.map((r) =>
    schema.flatMap((col) => {
      if (!col.index) return [(r[col.name] - col.mean) / col.std];
      const oneHot = new Array(col.width).fill(0);
      if (col.index.has(r[col.name])) oneHot[col.index.get(r[col.name])] = 1;
      return oneHot;
    }),
  );
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeListings(N_TRAIN);
  const test = makeListings(N_TEST);
  const schema = fitSchema(train.rows);
  const nFeatures = schema.reduce((s, col) => s + col.width, 0);

  const xTrain = tf.tensor2d(encode(train.rows, schema), [N_TRAIN, nFeatures]);
  const yTrain = tf.tensor2d(train.nights, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(encode(test.rows, schema), [N_TEST, nFeatures]);
  const yTest = tf.tensor2d(test.nights, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [nFeatures] }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`${nFeatures} features | loss ${h.loss[0].toFixed(2)} -> ${h.loss[last].toFixed(2)} mae ${h.mae[last].toFixed(2)} nights | test loss ${testLoss.toFixed(2)} test mae ${testMae.toFixed(2)} nights`);
}

main();
