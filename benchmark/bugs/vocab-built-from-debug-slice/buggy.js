'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6290);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Route questions on a hobbyist forum to one of four boards (astronomy, gardening, cycling,
// aquariums) from a bag-of-words of the post title. Every board has its own long tail of
// jargon (species, parts, brands), and titles are padded with everyday words shared by all
// boards. The vocabulary maps each known word to a column (column 0 counts unknown words);
// a small MLP classifies the multi-hot vector.
const BOARDS = ['astronomy', 'gardening', 'cycling', 'aquariums'];
const JARGON_PER_BOARD = 250;
const COMMON = 'how do i my the a with is it for why does what best help new after this when can to not'.split(' ');
const N_TRAIN = 1200;
const N_TEST = 400;

const SYLLABLES = 'ka lo mi ra te su no vi pe da fo gu ri sa le mo tu bi ne za'.split(' ');
const makeTerm = () => rng.array(rng.int(2, 4), () => SYLLABLES[rng.int(0, SYLLABLES.length)]).join('');
const jargon = BOARDS.map(() => rng.array(JARGON_PER_BOARD, makeTerm));
const pick = (words) => words[rng.int(0, words.length)];

function makePosts(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const board = rng.int(0, BOARDS.length);
    const words = [];
    const nJargon = rng.int(2, 5);
    const nCommon = rng.int(4, 9);
    for (let k = 0; k < nJargon; k++) words.push(pick(jargon[board]));
    for (let k = 0; k < nCommon; k++) words.push(pick(COMMON));
    tf.util.shuffle(words);
    texts.push(words.join(' '));
    labels.push(board);
  }
  return { texts, labels };
}

function buildVocab(texts) {
  const vocab = new Map();
  for (const t of texts) for (const w of t.split(' ')) if (!vocab.has(w)) vocab.set(w, vocab.size + 1);
  return vocab;
}

function multiHot(texts, vocab) {
  return texts.map((t) => {
    const row = new Array(vocab.size + 1).fill(0);
    for (const w of t.split(' ')) row[vocab.get(w) ?? 0] = 1;
    return row;
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makePosts(N_TRAIN);
  const test = makePosts(N_TEST);
  const vocab = buildVocab(train.texts.slice(0, 20));
  const nCols = vocab.size + 1;
  const xTrain = tf.tensor2d(multiHot(train.texts, vocab), [N_TRAIN, nCols]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), BOARDS.length).toFloat();
  const xTest = tf.tensor2d(multiHot(test.texts, vocab), [N_TEST, nCols]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), BOARDS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [nCols] }));
  model.add(tf.layers.dense({ units: BOARDS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.size} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
