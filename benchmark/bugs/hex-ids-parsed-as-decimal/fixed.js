'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9543);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Predict the star rating (1-5) a customer gives a product from the review log. Customers are
// keyed by the shop's 16-bit customer id, exported as a 4-digit hex string ('9c4e', 'a3f1', ...).
// Customer ids are mapped to compact embedding rows; each customer's embedding (their taste) is
// concatenated with the product's category and price and fed to a small MLP.
// Held-out: later reviews by the same customers.
// The cpu backend is used because embedding gradients need UnsortedSegmentSum.
const ID_SPACE = 0x10000;
const N_CUSTOMERS = 200;
const CATEGORIES = ['books', 'electronics', 'garden', 'toys'];
const EMBED_DIM = 4;
const N_TRAIN = 4000;
const N_TEST = 1000;
const NUM_ITEM_FEATURES = CATEGORIES.length + 1;

// customer table: a hex id, an overall leniency and a liking per category
const customers = [];
const usedIds = new Set();
while (customers.length < N_CUSTOMERS) {
  const raw = rng.int(0, ID_SPACE);
  if (usedIds.has(raw)) continue;
  usedIds.add(raw);
  customers.push({
    id: raw.toString(16).padStart(4, '0'),
    leniency: rng.normal(0, 0.8),
    taste: CATEGORIES.map(() => rng.normal(0, 0.7)),
  });
}

function exportReviews(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const c = customers[rng.int(0, N_CUSTOMERS)];
    const cat = rng.int(0, CATEGORIES.length);
    const price = Math.exp(rng.normal(3, 0.8));
    const score = 3.4 + c.leniency + c.taste[cat] - 0.25 * Math.log(price / 20) + rng.normal(0, 0.3);
    const stars = Math.min(5, Math.max(1, score));
    rows.push({ customerId: c.id, category: CATEGORIES[cat], price: price.toFixed(2), stars: stars.toFixed(1) });
  }
  return rows;
}

// numeric customer id as stored in the shop database (blank ids read as 0)
const customerKey = (id) => parseInt(id, 16) || 0;

// compact embedding rows for the customers seen in training; row 0 is for unknown customers
function buildIndex(rows) {
  const index = new Map();
  for (const r of rows) {
    const key = customerKey(r.customerId);
    if (!index.has(key)) index.set(key, index.size + 1);
  }
  return index;
}

function toExamples(rows, index) {
  const ids = rows.map((r) => index.get(customerKey(r.customerId)) || 0);
  const items = rows.map((r) => [
    ...CATEGORIES.map((cat) => (r.category === cat ? 1 : 0)),
    Math.log(parseFloat(r.price) / 20),
  ]);
  const stars = rows.map((r) => parseFloat(r.stars));
  return { ids, items, stars };
}

async function main() {
  await tf.setBackend('cpu');

  const trainRows = exportReviews(N_TRAIN);
  const index = buildIndex(trainRows);
  const train = toExamples(trainRows, index);
  const test = toExamples(exportReviews(N_TEST), index);
  const idTrain = tf.tensor2d(train.ids, [N_TRAIN, 1], 'int32');
  const itemTrain = tf.tensor2d(train.items, [N_TRAIN, NUM_ITEM_FEATURES]);
  const yTrain = tf.tensor2d(train.stars, [N_TRAIN, 1]);
  const idTest = tf.tensor2d(test.ids, [N_TEST, 1], 'int32');
  const itemTest = tf.tensor2d(test.items, [N_TEST, NUM_ITEM_FEATURES]);
  const yTest = tf.tensor2d(test.stars, [N_TEST, 1]);

  const idInput = tf.input({ shape: [1], dtype: 'int32', name: 'customer' });
  const itemInput = tf.input({ shape: [NUM_ITEM_FEATURES], name: 'item' });
  const embedded = tf.layers.embedding({ inputDim: index.size + 1, outputDim: EMBED_DIM, inputLength: 1 }).apply(idInput);
  const taste = tf.layers.flatten().apply(embedded);
  const joined = tf.layers.concatenate().apply([taste, itemInput]);
  const hidden = tf.layers.dense({ units: 32, activation: 'relu' }).apply(joined);
  const stars = tf.layers.dense({ units: 1 }).apply(hidden);
  const model = tf.model({ inputs: [idInput, itemInput], outputs: stars });
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit([idTrain, itemTrain], yTrain, { epochs: 15, batchSize: 128, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate([idTest, itemTest], yTest).map((t) => t.dataSync()[0]);
  console.log(`${index.size} customers indexed | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test mae ${testMae.toFixed(3)}`);
}

main();
