'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(7309);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Purchase prediction for an online shop: from the clickstream of a visit, predict whether the
// visit ends in an order. The event log has one row per event (session id, event type, seconds
// on the page, and a `purchased` flag logged when the order is placed). Rows are grouped into
// sessions, each session becomes a sequence of (one-hot event type, log dwell time) steps,
// left-padded to MAX_EVENTS, and a GRU reads it.
const EVENT_TYPES = ['view', 'search', 'add_to_cart', 'remove_from_cart', 'checkout'];
const MAX_EVENTS = 20;
const N_TRAIN = 600;
const N_TEST = 300;
const STEP_SIZE = EVENT_TYPES.length + 1;

// Buyers add to cart and reach checkout more often and read product pages longer;
// browsers mostly view and search, and some abandon their cart or the checkout page.
const BEHAVIOUR = {
  buyer: { weights: [0.45, 0.1, 0.25, 0.05, 0.15], dwell: 40 },
  browser: { weights: [0.6, 0.22, 0.1, 0.05, 0.03], dwell: 20 },
};

function pickEvent(weights) {
  let u = rng.random();
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k];
    if (u < 0) return k;
  }
  return weights.length - 1;
}

function makeEventLog(nSessions, firstId) {
  const rows = [];
  for (let s = 0; s < nSessions; s++) {
    const buys = rng.random() < 0.35;
    const profile = buys ? BEHAVIOUR.buyer : BEHAVIOUR.browser;
    const nEvents = rng.int(3, MAX_EVENTS + 1);
    for (let e = 0; e < nEvents; e++) {
      rows.push({
        sessionId: firstId + s,
        event: EVENT_TYPES[pickEvent(profile.weights)],
        seconds: Math.round(profile.dwell * Math.exp(rng.normal(0, 0.8))),
        purchased: buys && e === nEvents - 1 ? 1 : 0,
      });
    }
  }
  return rows;
}

function toSessions(rows) {
  const bySession = new Map();
  for (const row of rows) {
    if (!bySession.has(row.sessionId)) bySession.set(row.sessionId, []);
    bySession.get(row.sessionId).push(row);
  }
  return [...bySession.values()].map((events) => ({
    sessionId: events[0].sessionId,
    steps: events.map((ev) => [...EVENT_TYPES.map((t) => (t === ev.event ? 1 : 0)), Math.log1p(ev.seconds) / 5]),
    label: events[0].purchased,
  }));
}

function padSteps(steps) {
  const padding = Array.from({ length: MAX_EVENTS - steps.length }, () => new Array(STEP_SIZE).fill(0));
  return padding.concat(steps);
}

async function main() {
  await tf.setBackend('wasm');

  const trainRows = makeEventLog(N_TRAIN, 0);
  const testRows = makeEventLog(N_TEST, N_TRAIN);
  const train = toSessions(trainRows);
  const test = toSessions(testRows);
  const xTrain = tf.tensor3d(train.map((s) => padSteps(s.steps)), [N_TRAIN, MAX_EVENTS, STEP_SIZE]);
  const yTrain = tf.tensor2d(train.map((s) => [s.label]), [N_TRAIN, 1]);
  const xTest = tf.tensor3d(test.map((s) => padSteps(s.steps)), [N_TEST, MAX_EVENTS, STEP_SIZE]);
  const yTest = tf.tensor2d(test.map((s) => [s.label]), [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.gru({ units: 16, inputShape: [MAX_EVENTS, STEP_SIZE] }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 12, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  const predicted = model.predict(xTest).dataSync();
  const buyers = new Set(testRows.filter((r) => r.purchased === 1).map((r) => r.sessionId));
  const flagged = test.filter((s, i) => predicted[i] > 0.5);
  const caught = flagged.filter((s) => buyers.has(s.sessionId)).length;
  const buyRate = train.filter((s) => s.label === 1).length / N_TRAIN;
  console.log(`train buy rate ${buyRate.toFixed(3)} | loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)} | flagged ${flagged.length}/${N_TEST}, caught ${caught} of ${buyers.size} orders (recall ${(caught / buyers.size).toFixed(3)})`);
}

main();
