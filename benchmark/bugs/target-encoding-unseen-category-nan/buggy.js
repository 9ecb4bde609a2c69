'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9662);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Food-delivery ETA: minutes from order to doorstep, from the distance, basket size, hour of
// day, rain flag and the restaurant. There are hundreds of restaurants with a long tail of
// small ones, so the restaurant id is target-encoded (smoothed mean delivery time of its
// orders in the training split) instead of one-hot encoded. 20% of the orders are held out
// for validation during fit and for the final score.
const N_ORDERS = 4000;
const N_RESTAURANTS = 900;
const VAL_FRACTION = 0.2;
const SMOOTHING = 5; // pseudo-orders at the global mean for each restaurant
const NUM_FEATURES = 6;

function loadOrders() {
  // restaurant popularity follows a long tail: a few busy kitchens, many rarely ordered from
  const prep = rng.array(N_RESTAURANTS, () => rng.normal(14, 6));
  const weights = rng.array(N_RESTAURANTS, (i) => 1 / Math.pow(i + 1, 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickRestaurant = () => {
    let u = rng.random() * total;
    for (let i = 0; i < N_RESTAURANTS; i++) {
      u -= weights[i];
      if (u <= 0) return i;
    }
    return N_RESTAURANTS - 1;
  };
  const orders = [];
  for (let i = 0; i < N_ORDERS; i++) {
    const restaurant = pickRestaurant();
    const distanceKm = rng.uniform(0.3, 8);
    const items = rng.int(1, 9);
    const hour = rng.int(10, 23);
    const rain = rng.random() < 0.2 ? 1 : 0;
    const rush = hour >= 18 && hour <= 20 ? 1 : 0;
    const minutes = Math.max(prep[restaurant], 3) + 3.2 * distanceKm + 0.8 * items + 7 * rush + 5 * rain + rng.normal(0, 3);
    orders.push({ restaurant: `r${restaurant}`, distanceKm, items, hour, rain, minutes });
  }
  return orders;
}

function splitOrders(orders) {
  const shuffled = orders.slice();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const nVal = Math.round(orders.length * VAL_FRACTION);
  return { trainRows: shuffled.slice(nVal), valRows: shuffled.slice(0, nVal) };
}

// smoothed mean delivery time per restaurant, fitted on the training rows only
function fitTargetEncoder(rows) {
  const sum = {};
  const count = {};
  let globalSum = 0;
  for (const row of rows) {
    sum[row.restaurant] = (sum[row.restaurant] || 0) + row.minutes;
    count[row.restaurant] = (count[row.restaurant] || 0) + 1;
    globalSum += row.minutes;
  }
  const globalMean = globalSum / rows.length;
  return (restaurant) => (sum[restaurant] + SMOOTHING * globalMean) / (count[restaurant] + SMOOTHING);
}

function toTensors(rows, encodeRestaurant) {
  const xs = rows.map((r) => [
    encodeRestaurant(r.restaurant),
    r.distanceKm,
    r.items,
    Math.sin((2 * Math.PI * r.hour) / 24),
    Math.cos((2 * Math.PI * r.hour) / 24),
    r.rain,
  ]);
  const ys = rows.map((r) => [r.minutes]);
  return { x: tf.tensor2d(xs, [rows.length, NUM_FEATURES]), y: tf.tensor2d(ys, [rows.length, 1]) };
}

async function main() {
  await tf.setBackend('wasm');

  const { trainRows, valRows } = splitOrders(loadOrders());
  const encodeRestaurant = fitTargetEncoder(trainRows);
  const train = toTensors(trainRows, encodeRestaurant);
  const val = toTensors(valRows, encodeRestaurant);

  const { mean, variance } = tf.moments(train.x, 0);
  const std = variance.sqrt().add(1e-6);
  const xTrain = train.x.sub(mean).div(std);
  const xVal = val.x.sub(mean).div(std);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'elu', inputShape: [NUM_FEATURES] }));
  model.add(tf.layers.dense({ units: 16, activation: 'elu' }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit(xTrain, train.y, {
    epochs: 40,
    batchSize: 64,
    shuffle: true,
    validationData: [xVal, val.y],
    verbose: 0,
  });

  const h = history.history;
  const last = h.loss.length - 1;
  const [valLoss, valMae] = model.evaluate(xVal, val.y).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | val_loss ${h.val_loss[0].toFixed(3)} -> ${h.val_loss[last].toFixed(3)} | held-out mse ${valLoss.toFixed(3)} mae ${valMae.toFixed(3)}`);
}

main();
