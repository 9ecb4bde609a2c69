'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6247);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Web-shop analytics: guess why a visitor came (buy something, return an order, get support,
// cancel the membership) from the page paths visited in the session. Paths are hashed into
// BUCKETS columns (feature hashing, no vocabulary to maintain as the site changes) and a
// session becomes the set of its hashed paths, fed to a small MLP.
const BUCKETS = 1024;
const INTENTS = ['buy', 'return', 'support', 'cancel'];
const INTENT_PAGES = [
  ['/checkout/shipping-address', '/checkout/payment-method', '/checkout/review-order', '/cart/apply-coupon',
    '/deals/todays-offers', '/products/compare-items', '/checkout/confirmation', '/wishlist/move-to-cart'],
  ['/orders/order-history', '/returns/start-return', '/returns/print-label', '/returns/refund-status',
    '/help/return-policy', '/orders/order-details', '/returns/choose-reason', '/help/exchange-an-item'],
  ['/help/contact-us', '/help/live-chat', '/help/troubleshooting', '/help/warranty-claim',
    '/support/open-ticket', '/support/my-tickets', '/help/user-manuals', '/support/device-setup'],
  ['/account/membership', '/account/membership/cancel', '/account/payment-settings', '/account/close-account',
    '/help/cancellation-policy', '/account/billing-history', '/account/membership/pause', '/account/privacy-settings'],
];
const COMMON_PAGES = ['/', '/home', '/search', '/cart', '/login', '/account', '/faq', '/about'];
const N_TRAIN = 1600;
const N_TEST = 500;

const pick = (list) => list[rng.int(0, list.length)];

function makeSessions(n) {
  const sessions = [];
  const labels = [];
  for (let i = 0; i < n; i++) {
    const intent = rng.int(0, INTENTS.length);
    const pages = [];
    const nOwn = rng.int(1, 4);
    for (let k = 0; k < nOwn; k++) pages.push(pick(INTENT_PAGES[intent]));
    if (rng.random() < 0.4) pages.push(pick(INTENT_PAGES[rng.int(0, INTENTS.length)]));
    const nCommon = rng.int(1, 5);
    for (let k = 0; k < nCommon; k++) pages.push(pick(COMMON_PAGES));
    pages.push(`/products/item-${rng.int(10000, 99999)}`);
    sessions.push(pages);
    labels.push(intent);
  }
  return { sessions, labels };
}

// Same hash as Java's String.hashCode, reduced to a bucket index.
function bucketOf(path) {
  let h = 0;
  for (const ch of path) h = h * 31 + ch.charCodeAt(0);
  return h % BUCKETS;
}

function multiHot(sessions) {
  return sessions.map((pages) => {
    const row = new Array(BUCKETS).fill(0);
    for (const page of pages) row[bucketOf(page)] = 1;
    return row;
  });
}

async function main() {
  await tf.setBackend('wasm');

  const train = makeSessions(N_TRAIN);
  const test = makeSessions(N_TEST);
  const xTrain = tf.tensor2d(multiHot(train.sessions), [N_TRAIN, BUCKETS]);
  const yTrain = tf.oneHot(tf.tensor1d(train.labels, 'int32'), INTENTS.length).toFloat();
  const xTest = tf.tensor2d(multiHot(test.sessions), [N_TEST, BUCKETS]);
  const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), INTENTS.length).toFloat();

  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [BUCKETS] }));
  model.add(tf.layers.dense({ units: INTENTS.length, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 15, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
