'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5827);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Suggest the shop category of a newly listed product from 8 numeric listing attributes (price,
// weight, package dimensions, ...). Products come from the shop API with their category as an
// object { id, name }; category ids are database ids, so the output units are assigned in order of
// first appearance in the training data and mapped back to ids when suggesting a category.
const CATEGORIES = [
  { id: 3, name: 'shoes' },
  { id: 7, name: 'kitchen' },
  { id: 12, name: 'books' },
  { id: 18, name: 'toys' },
  { id: 25, name: 'garden' },
];
const N_ATTRIBUTES = 8;
const N_TRAIN = 1000;
const N_TEST = 400;

const categoryKey = (product) => product.category.id;

const profiles = CATEGORIES.map(() => rng.array(N_ATTRIBUTES, () => rng.normal(0, 1)));

function fetchProducts(n) {
  const products = [];
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, CATEGORIES.length);
    const attributes = profiles[c].map((m) => m + rng.normal(0, 0.8));
    products.push({ attributes, category: { ...CATEGORIES[c] } });
  }
  return products;
}

async function main() {
  await tf.setBackend('wasm');

  const train = fetchProducts(N_TRAIN);
  const test = fetchProducts(N_TEST);

  const classIndex = {};
  const classIds = [];
  for (const product of train) {
    const key = categoryKey(product);
    if (classIndex[key] === undefined) {
      classIndex[key] = classIds.length;
      classIds.push(product.category.id);
    }
  }
  const labelOf = (product) => classIndex[categoryKey(product)];

  const xTrain = tf.tensor2d(train.map((p) => p.attributes));
  const yTrain = tf.oneHot(tf.tensor1d(train.map(labelOf), 'int32'), CATEGORIES.length).toFloat();
  const xTest = tf.tensor2d(test.map((p) => p.attributes));
  const yTest = tf.oneHot(tf.tensor1d(test.map(labelOf), 'int32'), CATEGORIES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [N_ATTRIBUTES] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: CATEGORIES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);

  // accuracy of the suggested category id against the listing's real category id
  const predicted = model.predict(xTest).argMax(-1).arraySync();
  const testAcc = predicted.filter((unit, i) => classIds[unit] === test[i].category.id).length / test.length;
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc (by category id) ${testAcc.toFixed(3)}`);
}

main();
