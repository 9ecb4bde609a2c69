'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(3862);
const tf = require('@tensorflow/tfjs');

// Sort community-forum posts into boards (gardening, cooking, cycling, photography). Posts range
// from a few words to a long paragraph, so batches are built by length bucketing: the training
// posts are sorted by length, cut into consecutive batches that are padded only to their own
// longest post, and the batch order is shuffled every epoch. Model: embedding (0 is padding,
// 1 is out-of-vocabulary), average pooling over the sequence, softmax. The cpu backend is used
// because embedding gradients need UnsortedSegmentSum.
const BOARDS = ['gardening', 'cooking', 'cycling', 'photography'];
const KEYWORDS = [
  'soil compost tomato seeds prune roses watering mulch seedlings greenhouse weeds bulbs',
  'recipe oven bake garlic sauce simmer dough knife roast spices pasta skillet',
  'bike saddle chain gears tyre puncture helmet derailleur pedals ride brakes frame',
  'lens camera aperture shutter tripod exposure iso focus portrait raw flash sensor',
].map((s) => s.split(' '));
const FILLER = 'i my the a is it this to and of in for with what any how do you have been anyone tips thanks'.split(' ');
const N_TRAIN = 480;
const N_TEST = 240;
const BATCH_SIZE = 24;
const EPOCHS = 10;
const MIN_COUNT = 2;
const OOV = 1;

const pick = (words) => words[rng.int(0, words.length)];

function makePosts(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const b = rng.int(0, BOARDS.length);
    const len = rng.int(4, 31);
    const words = rng.array(len, () => (rng.random() < 0.35 ? pick(KEYWORDS[b]) : pick(FILLER)));
    texts.push(words.join(' '));
    labels.push(b);
  }
  return { texts, labels };
}

function buildVocab(texts) {
  const counts = new Map();
  for (const t of texts) for (const w of t.split(' ')) counts.set(w, (counts.get(w) || 0) + 1);
  const kept = [...counts.keys()].filter((w) => counts.get(w) >= MIN_COUNT).sort();
  return new Map(kept.map((w, i) => [w, i + 2]));
}

function makeBatch(texts, labels, vocab) {
  const seqs = texts.map((t) => t.split(' ').map((w) => vocab.get(w) ?? OOV));
  const maxLen = Math.max(...seqs.map((s) => s.length));
  const padded = seqs.map((s) => s.concat(new Array(maxLen - s.length).fill(0)));
  const x = tf.tensor2d(padded, [seqs.length, maxLen], 'int32');
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), BOARDS.length).toFloat();
  return { x, y };
}

async function main() {
  await tf.setBackend('cpu');

  const train = makePosts(N_TRAIN);
  const test = makePosts(N_TEST);
  const vocab = buildVocab(train.texts);

  const pairs = train.texts.map((t, i) => [t, train.labels[i]]).sort((a, b) => a[0].length - b[0].length);
  const texts = pairs.map((p) => p[0]);
  const labels = pairs.map((p) => p[1]);
  const trainBatches = [];
  for (let s = 0; s < N_TRAIN; s += BATCH_SIZE) trainBatches.push(makeBatch(texts.slice(s, s + BATCH_SIZE), labels.slice(s, s + BATCH_SIZE), vocab));
  const testBatches = [];
  for (let s = 0; s < N_TEST; s += BATCH_SIZE) testBatches.push(makeBatch(test.texts.slice(s, s + BATCH_SIZE), test.labels.slice(s, s + BATCH_SIZE), vocab));

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocab.size + 2, outputDim: 8 }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: BOARDS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const epochLoss = [];
  let epochAcc = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    tf.util.shuffle(trainBatches);
    let loss = 0;
    let acc = 0;
    for (const { x, y } of trainBatches) {
      const [l, a] = await model.trainOnBatch(x, y);
      loss += l / trainBatches.length;
      acc += a / trainBatches.length;
    }
    epochLoss.push(loss);
    epochAcc = acc;
  }

  let testLoss = 0;
  let testAcc = 0;
  for (const { x, y } of testBatches) {
    const [l, a] = model.evaluate(x, y, { batchSize: BATCH_SIZE }).map((t) => t.dataSync()[0]);
    testLoss += (l * x.shape[0]) / N_TEST;
    testAcc += (a * x.shape[0]) / N_TEST;
  }
  console.log(`loss ${epochLoss[0].toFixed(3)} -> ${epochLoss[EPOCHS - 1].toFixed(3)} acc ${epochAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
