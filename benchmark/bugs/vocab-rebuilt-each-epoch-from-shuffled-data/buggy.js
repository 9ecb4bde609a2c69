'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9653);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Topic classifier for short news headlines (sports, business, tech, health). Every epoch the
// headline corpus is read in a fresh random order, tokenized (word ids in order of first
// appearance, 0 = padding) and fed to an Embedding -> average pooling -> MLP model, one
// model.fit epoch at a time. The cpu backend is used because embedding gradients need
// UnsortedSegmentSum.
const TOPICS = {
  sports: ['match', 'league', 'coach', 'goal', 'season', 'striker', 'derby', 'squad'],
  business: ['shares', 'profit', 'merger', 'bank', 'market', 'investors', 'earnings', 'ceo'],
  tech: ['app', 'startup', 'chip', 'software', 'phone', 'cloud', 'hackers', 'robot'],
  health: ['vaccine', 'hospital', 'doctors', 'virus', 'patients', 'diet', 'cancer', 'clinic'],
};
const TOPIC_NAMES = Object.keys(TOPICS);
const COMMON = ['the', 'a', 'of', 'in', 'new', 'after', 'says', 'record'];
const K = TOPIC_NAMES.length;
const MAX_LEN = 9;
const N_TRAIN = 640;
const N_TEST = 400;
const EPOCHS = 12;

function pick(list) {
  return list[rng.int(0, list.length)];
}

function makeHeadlines(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const t = rng.int(0, K);
    const words = [];
    const nTopic = rng.int(2, 4);
    for (let j = 0; j < nTopic; j++) words.push(pick(TOPICS[TOPIC_NAMES[t]]));
    if (rng.random() < 0.3) words.push(pick(TOPICS[TOPIC_NAMES[rng.int(0, K)]]));
    const nCommon = rng.int(2, 5);
    for (let j = 0; j < nCommon; j++) words.push(pick(COMMON));
    for (let j = words.length - 1; j > 0; j--) {
      const r = rng.int(0, j + 1);
      [words[j], words[r]] = [words[r], words[j]];
    }
    texts.push(words.join(' '));
    labels.push(t);
  }
  return { texts, labels };
}

function shuffled(n) {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

const tokenize = (text) => text.toLowerCase().split(/\s+/).filter((w) => w.length > 0);

// word -> id in order of first appearance; 0 is reserved for padding
function buildVocab(texts) {
  const wordIndex = new Map();
  for (const text of texts) {
    for (const w of tokenize(text)) if (!wordIndex.has(w)) wordIndex.set(w, wordIndex.size + 1);
  }
  return wordIndex;
}

function encode(texts, wordIndex) {
  return texts.map((text) => {
    const ids = tokenize(text).map((w) => wordIndex.get(w) || 0).slice(0, MAX_LEN);
    while (ids.length < MAX_LEN) ids.push(0);
    return ids;
  });
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeHeadlines(N_TRAIN);
  const test = makeHeadlines(N_TEST);
  const VOCAB_SIZE = new Set(train.texts.flatMap(tokenize)).size + 1;

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: VOCAB_SIZE, outputDim: 8, inputLength: MAX_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: 16, activation: 'relu' }));
  model.add(tf.layers.dense({ units: K, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const losses = [];
  let trainAcc = 0;
  let wordIndex = null;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = shuffled(N_TRAIN);
    const texts = order.map((i) => train.texts[i]);
    const labels = order.map((i) => train.labels[i]);
    wordIndex = buildVocab(texts);
    const xs = tf.tensor2d(encode(texts, wordIndex), [N_TRAIN, MAX_LEN], 'int32');
    const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), K).toFloat();
    const history = await model.fit(xs, ys, { epochs: 1, batchSize: 64, shuffle: false, verbose: 0 });
    losses.push(history.history.loss[0]);
    trainAcc = history.history.acc[0];
    tf.dispose([xs, ys]);
  }

  const xTest = tf.tensor2d(encode(test.texts, wordIndex), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), K).toFloat();
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${VOCAB_SIZE - 1} words | loss ${losses[0].toFixed(3)} -> ${losses[EPOCHS - 1].toFixed(3)} acc ${trainAcc.toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
