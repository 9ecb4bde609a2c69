'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7342);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Wildlife re-identification: recognise individual whales from 20 shape descriptors of their
// tail-fluke photos. 10 descriptors follow the fluke's markings (fixed per individual), the other
// 10 depend on the camera angle and the light of each photo. An MLP maps a photo to a 16-d
// embedding and is trained with the triplet loss on (anchor, positive = a photo of the same whale,
// negative = a photo of another whale). Held-out whales are identified by their nearest
// reference photo in embedding space (rank-1 identification).
const N_FEATURES = 20;
const N_MARKINGS = 10;
const EMBED_DIM = 16;
const N_TRAIN_WHALES = 150;
const N_TEST_WHALES = 30;
const PHOTOS_PER_WHALE = 4;
const N_TRIPLETS = 3072;
const N_TEST_TRIPLETS = 600;

const EPOCHS = 10;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.002;
const MARGIN = 1.0;

function makeWhales(nWhales) {
  const photos = [];
  for (let w = 0; w < nWhales; w++) {
    const markings = rng.array(N_MARKINGS, () => rng.normal(0, 1));
    const whalePhotos = [];
    for (let p = 0; p < PHOTOS_PER_WHALE; p++) {
      const shape = markings.map((m) => m + rng.normal(0, 0.35));
      const viewing = rng.array(N_FEATURES - N_MARKINGS, () => rng.normal(0, 1.5));
      whalePhotos.push(shape.concat(viewing));
    }
    photos.push(whalePhotos);
  }
  return photos;
}

function makeTriplets(whales, nTriplets) {
  const anchors = [];
  const positives = [];
  const negatives = [];
  for (let i = 0; i < nTriplets; i++) {
    const w = rng.int(0, whales.length);
    let other = rng.int(0, whales.length - 1);
    if (other >= w) other += 1;
    anchors.push(whales[w][rng.int(0, PHOTOS_PER_WHALE)]);
    positives.push(whales[w][rng.int(0, PHOTOS_PER_WHALE)]);
    negatives.push(whales[other][rng.int(0, PHOTOS_PER_WHALE)]);
  }
  return { anchors, positives, negatives };
}

async function main() {
  await tf.setBackend('wasm');
  const trainWhales = makeWhales(N_TRAIN_WHALES);
  const testWhales = makeWhales(N_TEST_WHALES);
  const triplets = makeTriplets(trainWhales, N_TRIPLETS);
  const testTriplets = makeTriplets(testWhales, N_TEST_TRIPLETS);
  const anchors = tf.tensor2d(triplets.anchors, [N_TRIPLETS, N_FEATURES]);
  const positives = tf.tensor2d(triplets.positives, [N_TRIPLETS, N_FEATURES]);
  const negatives = tf.tensor2d(triplets.negatives, [N_TRIPLETS, N_FEATURES]);
  const testAnchors = tf.tensor2d(testTriplets.anchors, [N_TEST_TRIPLETS, N_FEATURES]);
  const testPositives = tf.tensor2d(testTriplets.positives, [N_TEST_TRIPLETS, N_FEATURES]);
  const testNegatives = tf.tensor2d(testTriplets.negatives, [N_TEST_TRIPLETS, N_FEATURES]);
  const gallery = tf.tensor2d(testWhales.map((photos) => photos[0]), [N_TEST_WHALES, N_FEATURES]);
  const probes = tf.tensor2d(testWhales.flatMap((photos) => photos.slice(1)), [N_TEST_WHALES * (PHOTOS_PER_WHALE - 1), N_FEATURES]);
  const probeIds = tf.tensor1d(testWhales.flatMap((photos, w) => photos.slice(1).map(() => w)), 'int32');

  const encoder = tf.sequential();
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_FEATURES] }));
  encoder.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  encoder.add(tf.layers.dense({ units: EMBED_DIM }));

  const euclidean = (u, v) => tf.sqrt(tf.sum(tf.square(u.sub(v)), -1).add(1e-9));
  const tripletLoss = (a, p, n) => {
    const ea = encoder.apply(a);
    return tf.relu(euclidean(ea, encoder.apply(p)).sub(euclidean(ea, encoder.apply(n))).add(MARGIN)).mean();
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const numBatches = N_TRIPLETS / BATCH_SIZE;
  const losses = [];
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = tf.util.createShuffledIndices(N_TRIPLETS);
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const cost = tf.tidy(() => {
        const idx = tf.tensor1d(Array.from(order.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE)), 'int32');
        return optimizer.minimize(() => tripletLoss(anchors.gather(idx), positives.gather(idx), negatives.gather(idx)), true);
      });
      if (epoch === 0 && b === 0) losses.push(cost.dataSync()[0]);
      epochLoss += cost.dataSync()[0] / numBatches;
      cost.dispose();
    }
    losses.push(epochLoss);
  }

  const rank1 = tf.tidy(() => {
    const g = encoder.predict(gallery);
    const q = encoder.predict(probes);
    const dists = euclidean(q.expandDims(1), g.expandDims(0));
    return dists.argMin(-1).equal(probeIds).mean().dataSync()[0];
  });
  const rawRank1 = tf.tidy(() => euclidean(probes.expandDims(1), gallery.expandDims(0)).argMin(-1).equal(probeIds).mean().dataSync()[0]);
  const testLoss = tf.tidy(() => tripletLoss(testAnchors, testPositives, testNegatives).dataSync()[0]);
  console.log(`loss ${losses[0].toFixed(3)} (first step) -> ${losses[losses.length - 1].toFixed(3)} | test triplet loss ${testLoss.toFixed(3)} test rank-1 acc ${rank1.toFixed(3)} (raw features ${rawRank1.toFixed(3)}, chance ${(1 / N_TEST_WHALES).toFixed(3)})`);
}

main();
