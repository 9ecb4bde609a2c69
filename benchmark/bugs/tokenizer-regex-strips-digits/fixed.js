'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9614);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Triage of API gateway error lines: does a line page the backend on-call (a server-side
// failure) or go to the client-issues queue? Lines are tokenized, turned into bag-of-words
// vectors over a vocabulary built from the training lines and classified by a small MLP.
const N_TRAIN = 2000;
const N_TEST = 600;
const MIN_COUNT = 3;

const CLIENT_CODES = [400, 401, 403, 404, 405, 409, 413, 422, 429];
const SERVER_CODES = [500, 501, 502, 503, 504, 507];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const ROUTES = ['/api/v2/orders', '/api/v2/users', '/api/v1/cart', '/checkout', '/login', '/api/v2/search', '/api/v1/invoices', '/healthz', '/api/v2/payments'];
const TEMPLATES = [
  (m, r, c, ms) => `${m} ${r} returned ${c} in ${ms} ms`,
  (m, r, c, ms) => `upstream responded ${c} for ${m} ${r} after ${ms}ms`,
  (m, r, c, ms) => `request ${m} ${r} failed with status ${c} (${ms} ms)`,
  (m, r, c, ms) => `[gateway] ${r} -> HTTP ${c}, method=${m}, latency=${ms}ms`,
  (m, r, c, ms) => `Error: ${m} ${r}/${rng.int(1000, 99999)} status=${c} took ${ms} ms`,
];

function gatewayLog(n) {
  const lines = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const serverSide = rng.random() < 0.5;
    const codes = serverSide ? SERVER_CODES : CLIENT_CODES;
    const code = codes[rng.int(0, codes.length)];
    const method = METHODS[rng.int(0, METHODS.length)];
    const route = ROUTES[rng.int(0, ROUTES.length)];
    const latency = Math.round(Math.exp(rng.normal(5, 1)));
    lines.push(TEMPLATES[rng.int(0, TEMPLATES.length)](method, route, code, latency));
    labels.push(serverSide ? 1 : 0);
  }
  return { lines, labels };
}

function tokenize(text) {
  return text.toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter((t) => t.length > 0);
}

function buildVocab(lines) {
  const counts = new Map();
  for (const line of lines) {
    for (const token of tokenize(line)) counts.set(token, (counts.get(token) || 0) + 1);
  }
  const vocab = new Map();
  [...counts.entries()]
    .filter(([, count]) => count >= MIN_COUNT)
    .sort((a, b) => b[1] - a[1])
    .forEach(([token], i) => vocab.set(token, i));
  return vocab;
}

// multi-hot bag of words; tokens outside the vocabulary are dropped
function vectorize(lines, vocab) {
  const data = new Float32Array(lines.length * vocab.size);
  lines.forEach((line, i) => {
    for (const token of tokenize(line)) {
      if (vocab.has(token)) data[i * vocab.size + vocab.get(token)] = 1;
    }
  });
  return tf.tensor2d(data, [lines.length, vocab.size]);
}

async function main() {
  await tf.setBackend('wasm');

  const train = gatewayLog(N_TRAIN);
  const test = gatewayLog(N_TEST);
  const vocab = buildVocab(train.lines);
  const xTrain = vectorize(train.lines, vocab);
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = vectorize(test.lines, vocab);
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [vocab.size] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`vocab ${vocab.size} loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
