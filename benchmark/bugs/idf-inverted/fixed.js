'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9515);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Routes customer support emails to one of four queues from their text. The emails are
// tokenized, turned into TF-IDF bag-of-words vectors (term frequency times inverse document
// frequency, each row L2-normalized) over the vocabulary of the training emails, and a small MLP
// classifies them. The next month's emails are held out.
const QUEUES = ['billing', 'shipping', 'technical', 'account'];
const N_TRAIN = 1200;
const N_TEST = 400;
const MIN_DF = 2;
const EPOCHS = 20;

const STOPWORDS = ('i the a to and my is it of for on in this that was you me have with but not be are ' +
  'can at your we so do as an if').split(' ');
const FILLER = ('hello hi thanks thank please help hope regards best dear team today yesterday week ' +
  'again still just really already asap soon quick question issue problem time need want know tried ' +
  'trying get got would could any some there here when after before now support reply email message ' +
  'sorry urgent happy wondering kindly looking forward morning afternoon note also').split(' ');
const KEYWORDS = {
  billing: 'invoice refund charged charge payment card receipt overcharged billing subscription vat price discount'.split(' '),
  shipping: 'delivery package parcel courier tracking shipped arrived delayed address warehouse dispatch postage'.split(' '),
  technical: 'crash error install update glitch freezes firmware app reboot screen driver loading'.split(' '),
  account: 'password login username locked reset verification profile signin twofactor deactivate email-change settings'.split(' '),
};

const pick = (list) => list[rng.int(0, list.length)];

function writeEmail(label) {
  const words = [];
  const length = rng.int(25, 60);
  for (let i = 0; i < length; i++) {
    const u = rng.random();
    words.push(u < 0.5 ? pick(STOPWORDS) : pick(FILLER));
  }
  const ownKeywords = rng.int(1, 3);
  for (let k = 0; k < ownKeywords; k++) words.splice(rng.int(0, words.length), 0, pick(KEYWORDS[label]));
  if (rng.random() < 0.3) words.splice(rng.int(0, words.length), 0, pick(KEYWORDS[pick(QUEUES)]));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function loadEmails(n) {
  const emails = [];
  for (let i = 0; i < n; i++) {
    const label = rng.int(0, QUEUES.length);
    emails.push({ text: writeEmail(QUEUES[label]), label });
  }
  return emails;
}

const tokenize = (text) => text.toLowerCase().split(/[^a-z0-9-]+/).filter((t) => t.length > 0);

function buildVocabulary(docs) {
  const df = new Map();
  for (const tokens of docs) {
    for (const t of new Set(tokens)) df.set(t, (df.get(t) || 0) + 1);
  }
  const words = [...df.keys()].filter((w) => df.get(w) >= MIN_DF).sort();
  const index = new Map(words.map((w, j) => [w, j]));
  const nDocs = docs.length;
  const idf = words.map((w) => Math.log(nDocs / df.get(w)));
  return { index, idf };
}

function tfidf(docs, { index, idf }) {
  const rows = docs.map((tokens) => {
    const row = new Array(idf.length).fill(0);
    for (const t of tokens) {
      const j = index.get(t);
      if (j !== undefined) row[j] += 1 / tokens.length;
    }
    for (let j = 0; j < row.length; j++) row[j] *= idf[j];
    const norm = Math.sqrt(row.reduce((s, v) => s + v * v, 0)) || 1;
    return row.map((v) => v / norm);
  });
  return tf.tensor2d(rows, [docs.length, idf.length]);
}

async function main() {
  await tf.setBackend('wasm');

  const trainEmails = loadEmails(N_TRAIN);
  const testEmails = loadEmails(N_TEST);
  const trainTokens = trainEmails.map((e) => tokenize(e.text));
  const testTokens = testEmails.map((e) => tokenize(e.text));
  const vocab = buildVocabulary(trainTokens);
  const xTrain = tfidf(trainTokens, vocab);
  const xTest = tfidf(testTokens, vocab);
  const yTrain = tf.oneHot(trainEmails.map((e) => e.label), QUEUES.length).toFloat();
  const yTest = tf.oneHot(testEmails.map((e) => e.label), QUEUES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [vocab.idf.length] }));
  model.add(tf.layers.dense({ units: QUEUES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
