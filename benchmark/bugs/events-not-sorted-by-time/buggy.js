'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(6143);
const tf = require('@tensorflow/tfjs');

// Coupon attribution for a shop app. Every user in the campaign received a coupon and made one
// purchase; marketing wants to know whether the purchase came after the user opened the coupon
// (attributed) or before it. The event tracker delivers a log of { user, ts, type } records in
// arrival order (several collectors, merged); the script groups the events per user, maps them
// to ids (0 is padding) and an embedding + GRU reads each user's sequence.
const EVENT_TYPES = ['open_app', 'search', 'view_item', 'add_cart', 'wishlist', 'share', 'coupon_open', 'purchase'];
const FILLER = EVENT_TYPES.slice(0, 6);
const EVENT_ID = new Map(EVENT_TYPES.map((e, i) => [e, i + 1]));
const SEQ_LEN = 8;
const N_TRAIN = 400;
const N_TEST = 200;

function makeLog(nUsers, firstUserId) {
  const log = [];
  const attributed = new Map();
  for (let u = 0; u < nUsers; u++) {
    const user = `u${firstUserId + u}`;
    const types = rng.array(SEQ_LEN, () => FILLER[rng.int(0, FILLER.length)]);
    const couponAt = rng.int(0, SEQ_LEN);
    let purchaseAt = rng.int(0, SEQ_LEN - 1);
    if (purchaseAt >= couponAt) purchaseAt += 1;
    types[couponAt] = 'coupon_open';
    types[purchaseAt] = 'purchase';
    attributed.set(user, couponAt < purchaseAt ? 1 : 0);
    let ts = 1700000000 + rng.int(0, 86400 * 7);
    for (const type of types) {
      ts += rng.int(5, 600);
      log.push({ user, ts, type });
    }
  }
  for (let i = log.length - 1; i > 0; i--) {
    const j = rng.int(0, i + 1);
    [log[i], log[j]] = [log[j], log[i]];
  }
  return { log, attributed };
}

function toSequences({ log, attributed }) {
  const byUser = new Map();
  for (const event of log) {
    if (!byUser.has(event.user)) byUser.set(event.user, []);
    byUser.get(event.user).push(event);
  }
  const seqs = [];
  const labels = [];
  for (const [user, events] of byUser) {
    seqs.push(events.map((e) => EVENT_ID.get(e.type)));
    labels.push(attributed.get(user));
  }
  return { seqs, labels };
}

async function main() {
  await tf.setBackend('cpu');

  const train = toSequences(makeLog(N_TRAIN, 0));
  const test = toSequences(makeLog(N_TEST, N_TRAIN));

  const xTrain = tf.tensor2d(train.seqs, [N_TRAIN, SEQ_LEN], 'int32');
  const yTrain = tf.tensor2d(train.labels, [N_TRAIN, 1]);
  const xTest = tf.tensor2d(test.seqs, [N_TEST, SEQ_LEN], 'int32');
  const yTest = tf.tensor2d(test.labels, [N_TEST, 1]);

  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: EVENT_TYPES.length + 1, outputDim: 8, inputLength: SEQ_LEN }));
  model.add(tf.layers.gru({ units: 16 }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  const history = await model.fit(xTrain, yTrain, { epochs: 10, batchSize: 32, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testAcc] = model.evaluate(xTest, yTest).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} acc ${h.acc[last].toFixed(3)} | test loss ${testLoss.toFixed(3)} test acc ${testAcc.toFixed(3)}`);
}

main();
