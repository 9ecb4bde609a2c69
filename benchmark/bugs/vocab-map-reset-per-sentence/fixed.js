'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4527);
const tf = require('@tensorflow/tfjs');

// Route customer-support messages to the right team from their text ("my parcel is still not
// delivered please help"). Words get integer ids in order of first appearance (0 is padding),
// each message becomes a padded sequence of ids, and an embedding averaged over the message
// feeds a softmax over the teams. The cpu backend is used because embedding gradients need
// UnsortedSegmentSum.
const TEAMS = ['billing', 'shipping', 'technical', 'account'];
const KEYWORDS = [
  'invoice refund charged twice payment card bill price receipt subscription fee discount',
  'parcel delivery courier tracking shipped package arrived late address box lost delayed',
  'crash error app update screen glitch loading freezes install slow battery wifi',
  'password login username email locked profile reset verify settings signup delete deactivate',
].map((s) => s.split(' '));
const FILLER = 'i my the a please help need with is not and to it this can you still again'.split(' ');
const MAX_LEN = 10;
const MAX_WORDS = 80;
const N_TRAIN = 600;
const N_TEST = 300;

const pick = (words) => words[rng.int(0, words.length)];

function makeMessages(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const team = rng.int(0, TEAMS.length);
    const words = [];
    const nKeywords = rng.int(2, 5);
    const nFiller = rng.int(3, 6);
    for (let k = 0; k < nKeywords; k++) words.push(pick(KEYWORDS[team]));
    for (let k = 0; k < nFiller; k++) words.push(pick(FILLER));
    tf.util.shuffle(words);
    texts.push(words.join(' '));
    labels.push(team);
  }
  return { texts, labels };
}

const vocab = new Map();
function encode(texts) {
  const seqs = [];
  for (const s of texts) {
    const ids = [];
    for (const w of s.split(' ')) ids.push(vocab.has(w) ? vocab.get(w) : (vocab.set(w, vocab.size + 1), vocab.size));
    while (ids.length < MAX_LEN) ids.push(0);
    seqs.push(ids.slice(0, MAX_LEN));
  }
  return seqs;
}

async function main() {
  await tf.setBackend('cpu');

  const train = makeMessages(N_TRAIN);
  const test = makeMessages(N_TEST);
  const xTrain = tf.tensor2d(encode(train.texts), [N_TRAIN, MAX_LEN], 'int32');
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), TEAMS.length).toFloat();
  const xTest = tf.tensor2d(encode(test.texts), [N_TEST, MAX_LEN], 'int32');
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), TEAMS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: MAX_WORDS, outputDim: 8, inputLength: MAX_LEN }));
  model.add(tf.layers.globalAveragePooling1d());
  model.add(tf.layers.dense({ units: TEAMS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
