'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9709);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Help-desk triage: route each customer e-mail to the billing, technical, account or delivery
// queue. Each ticket is tokenized (lowercase, punctuation stripped), capped at the first
// MAX_TOKENS tokens to keep the long e-mail threads in check, and turned into a bag of words over
// the training vocabulary (words seen at least MIN_COUNT times) for a small MLP.
const QUEUES = ['billing', 'technical', 'account', 'delivery'];
const MAX_TOKENS = 40;
const MIN_COUNT = 3;
const N_TRAIN = 1600;
const N_TEST = 600;

const GREETINGS = [
  'Hello there, I hope you are all doing well today.',
  'Hi support team, thanks in advance for taking a look at this.',
  'Good morning, I hope this message finds you well.',
  'Dear customer service, I am writing to you again about something.',
  'Hi, sorry to bother you on a busy day but I need some help.',
  'Hello, I have been a customer for years and usually everything is fine.',
];
const CONTEXT = [
  'I tried to sort it out myself first.',
  'This started a few days ago.',
  'My order number is in the subject line.',
  'I checked your help pages but could not find an answer.',
  'It is quite urgent for me.',
  '',
];
const ISSUES = [
  [
    'I was charged twice for the same invoice and need a refund.',
    'The payment on my card statement is higher than the price on the invoice.',
    'Please cancel the subscription renewal charge, I did not want to pay for another year.',
    'The refund you promised has still not reached my bank account.',
    'My invoice shows a tax amount that looks wrong, can you correct the billing?',
  ],
  [
    'The app crashes every time I open the settings screen.',
    'I get an error code when I try to sync my device with the app.',
    'The software update froze my laptop and now it will not start.',
    'The website keeps showing a blank page after the login screen loads.',
    'The device will not connect to wifi after the firmware update.',
  ],
  [
    'I cannot log in because the password reset email never arrives.',
    'Please change the email address on my profile to my new one.',
    'My account was locked after too many sign in attempts.',
    'I would like to delete my account and all of my personal data.',
    'Someone else seems to have access to my profile and changed my username.',
  ],
  [
    'My parcel has not arrived and the tracking has not moved for a week.',
    'The courier left the package at the wrong address.',
    'The box arrived damaged and one item was missing from the delivery.',
    'Can I change the shipping address for the order that was dispatched yesterday?',
    'The delivery was marked as delivered but I never received the parcel.',
  ],
];
const SIGN_OFFS = ['Thanks, Sam', 'Kind regards, Alex', 'Best wishes, Priya', 'Cheers, Tom', 'Many thanks, Maria', ''];

const pick = (items) => items[rng.int(0, items.length)];

function loadTickets(n) {
  const texts = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const queue = rng.int(0, QUEUES.length);
    const parts = [];
    if (rng.random() < 0.85) parts.push(pick(GREETINGS));
    parts.push(pick(CONTEXT), pick(ISSUES[queue]));
    if (rng.random() < 0.4) parts.push(pick(ISSUES[queue]));
    parts.push(pick(SIGN_OFFS));
    texts.push(parts.filter(Boolean).join(' '));
    labels.push(queue);
  }
  return { texts, labels };
}

function tokenize(text) {
  return text.toLowerCase().replace(/[^a-z0-9' ]/g, ' ').split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS);
}

function buildVocab(tokenLists) {
  const counts = new Map();
  for (const tokens of tokenLists) for (const w of tokens) counts.set(w, (counts.get(w) || 0) + 1);
  const words = [...counts.keys()].filter((w) => counts.get(w) >= MIN_COUNT).sort();
  return new Map(words.map((w, i) => [w, i]));
}

function bagOfWords(tokens, vocab) {
  const bag = new Array(vocab.size).fill(0);
  for (const w of tokens) if (vocab.has(w)) bag[vocab.get(w)] = 1;
  return bag;
}

async function main() {
  await tf.setBackend('wasm');

  const train = loadTickets(N_TRAIN);
  const test = loadTickets(N_TEST);
  const trainTokens = train.texts.map(tokenize);
  const testTokens = test.texts.map(tokenize);
  const vocab = buildVocab(trainTokens);
  const xTrain = tf.tensor2d(trainTokens.map((t) => bagOfWords(t, vocab)), [N_TRAIN, vocab.size]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), QUEUES.length).toFloat();
  const xTest = tf.tensor2d(testTokens.map((t) => bagOfWords(t, vocab)), [N_TEST, vocab.size]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), QUEUES.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [vocab.size] }));
  model.add(tf.layers.dense({ units: QUEUES.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });
  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.size} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
