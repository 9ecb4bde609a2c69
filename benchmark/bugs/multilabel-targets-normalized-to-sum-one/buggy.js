'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9573);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Help-desk ticket router: every incoming ticket is tagged with the teams that have to look at
// it (one ticket can need several teams). Tickets are turned into bag-of-words counts over a
// small fixed vocabulary (log-scaled), and a small MLP with one sigmoid output per team is
// trained with binary cross-entropy. At inference a team is notified when its score passes 0.5.
const TAGS = ['billing', 'login', 'mobile-app', 'api', 'performance', 'data-export'];
const KEYWORDS = {
  billing: ['invoice', 'charge', 'refund', 'card', 'subscription', 'price'],
  login: ['password', 'sso', 'locked', 'signin', '2fa', 'session'],
  'mobile-app': ['android', 'ios', 'phone', 'tablet', 'push', 'install'],
  api: ['endpoint', 'token', 'webhook', 'json', 'ratelimit', 'sdk'],
  performance: ['slow', 'timeout', 'latency', 'hang', 'spinner', 'lag'],
  'data-export': ['csv', 'export', 'download', 'report', 'backup', 'columns'],
};
const GENERIC = ['please', 'help', 'issue', 'since', 'today', 'customer', 'urgent', 'thanks', 'account', 'error', 'again', 'team', 'still', 'hello'];
const VOCAB = [...TAGS.flatMap((t) => KEYWORDS[t]), ...GENERIC];
const WORD_INDEX = new Map(VOCAB.map((w, i) => [w, i]));
const N_TRAIN = 1500;
const N_TEST = 500;
const THRESHOLD = 0.5;

function pick(list) {
  return list[rng.int(0, list.length)];
}

// Simulated export of the ticket system: tokenized ticket text plus the teams it was routed to.
function loadTickets(n) {
  const tickets = [];
  for (let i = 0; i < n; i++) {
    const u = rng.random();
    const k = u < 0.15 ? 1 : u < 0.55 ? 2 : u < 0.9 ? 3 : 4;
    const tags = [];
    while (tags.length < k) {
      const t = pick(TAGS);
      if (!tags.includes(t)) tags.push(t);
    }
    const words = [];
    for (const t of tags) {
      const m = rng.int(1, 4);
      for (let j = 0; j < m; j++) words.push(pick(KEYWORDS[t]));
    }
    const g = rng.int(3, 12);
    for (let j = 0; j < g; j++) words.push(pick(GENERIC));
    // customers mention unrelated things now and then
    if (rng.random() < 0.3) words.push(pick(KEYWORDS[pick(TAGS)]));
    tickets.push({ words, tags });
  }
  return tickets;
}

function featurize(tickets) {
  const xs = tickets.map((t) => {
    const counts = new Array(VOCAB.length).fill(0);
    for (const w of t.words) counts[WORD_INDEX.get(w)] += 1;
    return counts.map((c) => Math.log1p(c));
  });
  // targets: one value per team for each ticket
  const ys = tickets.map((t) => TAGS.map((tag) => (t.tags.includes(tag) ? 1 / t.tags.length : 0)));
  return { xs: tf.tensor2d(xs), ys: tf.tensor2d(ys) };
}

// Micro-averaged F1 over all (ticket, team) decisions and the share of tickets whose whole team
// set is predicted exactly, both at the serving threshold.
function scoreRouting(model, tickets, xs) {
  const probs = model.predict(xs).arraySync();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  tickets.forEach((t, i) => {
    let allRight = true;
    TAGS.forEach((tag, j) => {
      const predicted = probs[i][j] > THRESHOLD;
      const actual = t.tags.includes(tag);
      if (predicted && actual) tp++;
      else if (predicted) fp++;
      else if (actual) fn++;
      if (predicted !== actual) allRight = false;
    });
    if (allRight) exact++;
  });
  return { f1: (2 * tp) / (2 * tp + fp + fn), exact: exact / tickets.length };
}

async function main() {
  await tf.setBackend('wasm');

  const trainTickets = loadTickets(N_TRAIN);
  const testTickets = loadTickets(N_TEST);
  const train = featurize(trainTickets);
  const test = featurize(testTickets);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [VOCAB.length] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: TAGS.length, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'binaryCrossentropy' });

  const history = await model.fit(train.xs, train.ys, { epochs: 20, batchSize: 32, shuffle: true, validationSplit: 0.1, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const trainScore = scoreRouting(model, trainTickets, train.xs);
  const testScore = scoreRouting(model, testTickets, test.xs);
  const meanScore = model.predict(test.xs).mean().dataSync()[0];
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} val loss ${h.val_loss[last].toFixed(3)} train F1 ${trainScore.f1.toFixed(3)} | test F1 ${testScore.f1.toFixed(3)} test exact-match ${testScore.exact.toFixed(3)} mean score ${meanScore.toFixed(3)}`);
}

main();
