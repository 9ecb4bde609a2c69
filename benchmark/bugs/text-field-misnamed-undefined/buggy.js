'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9534);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Sorts posts from the community help forum into three boards. The forum API returns each post
// as a JSON record {title, body, label}; title and body are joined into one text, tokenized, and
// turned into a binary bag-of-words over the training vocabulary, and a small MLP picks the
// board. Last week's posts are the held-out set.
const BOARDS = ['hardware', 'software', 'network'];
const N_TRAIN = 900;
const N_TEST = 300;
const MIN_COUNT = 2;
const EPOCHS = 25;

const TITLES = [
  'need help', 'quick question', 'anyone else', 'help please', 'weird problem', 'not sure what to do',
  'any ideas', 'question', 'urgent', 'is this normal', 'advice wanted', 'stuck again', 'strange issue',
  'first post', 'please read', 'what am i missing',
];
const FILLER = ('i the a to and my is it of for on in this that was have with but not so when after ' +
  'since yesterday today tried again still just really already any ideas thanks help anyone else ' +
  'same problem happens every time now works sometimes started week ago nothing changed').split(' ');
const KEYWORDS = {
  hardware: 'fan overheating gpu motherboard psu ram cpu cooler bios beeps ssd cable monitor'.split(' '),
  software: 'install update crash patch registry installer uninstall version plugin license exe freezes'.split(' '),
  network: 'wifi router dns ping latency ethernet modem vpn dhcp packet firewall bandwidth'.split(' '),
};

const pick = (list) => list[rng.int(0, list.length)];

function writeBody(board) {
  const words = [];
  const length = rng.int(20, 45);
  for (let i = 0; i < length; i++) words.push(pick(FILLER));
  const own = rng.int(2, 5);
  for (let k = 0; k < own; k++) words.splice(rng.int(0, words.length), 0, pick(KEYWORDS[board]));
  if (rng.random() < 0.3) words.splice(rng.int(0, words.length), 0, pick(KEYWORDS[pick(BOARDS)]));
  return words.join(' ');
}

// stands in for GET /api/posts?board=all
function fetchPosts(n) {
  const posts = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, BOARDS.length);
    const title = pick(TITLES);
    posts.push({ title: title.charAt(0).toUpperCase() + title.slice(1), body: writeBody(BOARDS[label]), label });
  }
  return posts;
}

const postText = (r) => `${r.title} ${r.Body}`;
const tokenize = (text) => text.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 0);

function buildVocabulary(docs) {
  const counts = new Map();
  for (const tokens of docs) for (const t of tokens) counts.set(t, (counts.get(t) || 0) + 1);
  const words = [...counts.keys()].filter((w) => counts.get(w) >= MIN_COUNT).sort();
  return new Map(words.map((w, j) => [w, j]));
}

function bagOfWords(docs, vocab) {
  const rows = docs.map((tokens) => {
    const row = new Array(vocab.size).fill(0);
    for (const t of tokens) {
      const j = vocab.get(t);
      if (j !== undefined) row[j] = 1;
    }
    return row;
  });
  return tf.tensor2d(rows, [docs.length, vocab.size]);
}

async function main() {
  await tf.setBackend('wasm');

  const trainPosts = fetchPosts(N_TRAIN);
  const testPosts = fetchPosts(N_TEST);
  const trainTokens = trainPosts.map((r) => tokenize(postText(r)));
  const testTokens = testPosts.map((r) => tokenize(postText(r)));
  const vocab = buildVocabulary(trainTokens);
  const xTrain = bagOfWords(trainTokens, vocab);
  const xTest = bagOfWords(testTokens, vocab);
  const yTrain = tf.oneHot(trainPosts.map((r) => r.label), BOARDS.length).toFloat();
  const yTest = tf.oneHot(testPosts.map((r) => r.label), BOARDS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [vocab.size] }));
  model.add(tf.layers.dense({ units: BOARDS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.size} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
