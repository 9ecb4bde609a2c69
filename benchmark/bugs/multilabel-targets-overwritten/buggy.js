'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7732);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Photo tagger: a 24-dimensional image descriptor (pooled features from a frozen backbone) is
// mapped to any number of 8 tags. Most photos carry two or three tags; each tag adds its own
// pattern to the descriptor. Sigmoid outputs with binary cross-entropy, one probability per tag;
// on held-out photos a tag is predicted when its probability is above 0.5.
const TAGS = ['outdoor', 'people', 'animal', 'water', 'night', 'food', 'vehicle', 'building'];
const N_FEATURES = 24;
const N_TRAIN = 1200;
const N_TEST = 400;

const tagPatterns = TAGS.map(() => rng.array(N_FEATURES, () => rng.normal(0, 1)));

function makePhotos(n) {
  const photos = [];
  for (let i = 0; i < n; i++) {
    const count = rng.random() < 0.2 ? 1 : rng.random() < 0.6 ? 2 : 3;
    const tags = [];
    while (tags.length < count) {
      const t = TAGS[rng.int(0, TAGS.length)];
      if (!tags.includes(t)) tags.push(t);
    }
    const descriptor = rng.array(N_FEATURES, () => rng.normal(0, 1.2));
    for (const t of tags) tagPatterns[TAGS.indexOf(t)].forEach((v, j) => (descriptor[j] += v));
    photos.push({ descriptor, tags });
  }
  return photos;
}

function tagF1(photos, probs) {
  let tp = 0, fp = 0, fn = 0;
  photos.forEach((p, i) => {
    TAGS.forEach((t, j) => {
      const predicted = probs[i * TAGS.length + j] > 0.5;
      const actual = p.tags.includes(t);
      if (predicted && actual) tp++;
      else if (predicted) fp++;
      else if (actual) fn++;
    });
  });
  const precision = tp / Math.max(tp + fp, 1);
  const recall = tp / Math.max(tp + fn, 1);
  return { precision, recall, f1: (2 * precision * recall) / Math.max(precision + recall, 1e-9) };
}

async function main() {
  await tf.setBackend('wasm');

  const trainPhotos = makePhotos(N_TRAIN);
  const testPhotos = makePhotos(N_TEST);

  const y = [];
  trainPhotos.forEach((p, i) => {
    for (const t of p.tags) y[i] = TAGS.map((x) => (x === t ? 1 : 0));
  });
  const xTrain = tf.tensor2d(trainPhotos.map((p) => p.descriptor), [N_TRAIN, N_FEATURES]);
  const yTrain = tf.tensor2d(y, [N_TRAIN, TAGS.length]);
  const xTest = tf.tensor2d(testPhotos.map((p) => p.descriptor), [N_TEST, N_FEATURES]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  model.add(tf.layers.dense({ units: TAGS.length, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy', metrics: ['binaryAccuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const trainScore = tagF1(trainPhotos, model.predict(xTrain).dataSync());
  const testScore = tagF1(testPhotos, model.predict(xTest).dataSync());
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} bin acc ${h.binaryAccuracy[last].toFixed(3)} train F1 ${trainScore.f1.toFixed(3)} | test precision ${testScore.precision.toFixed(3)} recall ${testScore.recall.toFixed(3)} F1 ${testScore.f1.toFixed(3)}`);
}

main();
