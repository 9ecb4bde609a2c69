'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9502);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Session length model for a streaming app: minutes watched per session from the hour of day,
// weekend flag, device and episode length, plus a learned per-user embedding that captures how
// heavy a viewer each user is. The users are one signup cohort, so their database ids are a
// contiguous block of large integers; each id is mapped to an embedding row by subtracting the
// cohort's first id. The first 24 sessions of every user train the model, the next 6 are held out.
const N_USERS = 64;
const TRAIN_SESSIONS = 24;
const TEST_SESSIONS = 6;
const FIRST_ID = 103550976;
const DEVICES = ['tv', 'phone', 'tablet'];
const NUM_FEATURES = 3 + DEVICES.length;

function loadUsers() {
  const users = [];
  let id = FIRST_ID + rng.int(0, 8);
  for (let u = 0; u < N_USERS; u++) {
    // a few accounts in the block were deleted
    id += rng.random() < 0.1 ? 2 : 1;
    users.push({ id, appetite: rng.normal(0, 1), device: rng.int(0, DEVICES.length) });
  }
  return users;
}

function session(user) {
  const hour = rng.int(0, 24);
  const weekend = rng.random() < 2 / 7 ? 1 : 0;
  const device = rng.random() < 0.8 ? user.device : rng.int(0, DEVICES.length);
  const episode = [22, 45, 60][rng.int(0, 3)];
  const evening = Math.exp(-((hour - 21) ** 2) / 18);
  const minutes = Math.max(2, 35 + 18 * user.appetite + 12 * evening + 6 * weekend + (device === 0 ? 8 : -3) + 0.2 * (episode - 40) + rng.normal(0, 4));
  return { userId: user.id, features: [hour / 23, weekend, episode / 60, ...DEVICES.map((_, d) => (d === device ? 1 : 0))], minutes };
}

async function main() {
  await tf.setBackend('cpu');

  const users = loadUsers();
  const train = [];
  const test = [];
  for (const user of users) {
    for (let s = 0; s < TRAIN_SESSIONS; s++) train.push(session(user));
    for (let s = 0; s < TEST_SESSIONS; s++) test.push(session(user));
  }

  // embedding row = database id minus the cohort's first id
  const firstId = Math.min(...users.map((u) => u.id));
  const toRows = (ids) => tf.tensor1d(ids).sub(firstId).cast('int32');
  const numRows = toRows(users.map((u) => u.id)).max().dataSync()[0] + 1;
  const toTensors = (part) => ({
    user: toRows(part.map((r) => r.userId)).reshape([part.length, 1]),
    x: tf.tensor2d(part.map((r) => r.features), [part.length, NUM_FEATURES]),
    y: tf.tensor2d(part.map((r) => [r.minutes / 60]), [part.length, 1]),
  });
  const tr = toTensors(train);
  const te = toTensors(test);

  const userIn = tf.input({ shape: [1], dtype: 'int32' });
  const featIn = tf.input({ shape: [NUM_FEATURES] });
  const userVec = tf.layers.flatten().apply(tf.layers.embedding({ inputDim: numRows, outputDim: 4 }).apply(userIn));
  const joined = tf.layers.concatenate().apply([userVec, featIn]);
  const hidden = tf.layers.dense({ units: 16, activation: 'relu' }).apply(joined);
  const out = tf.layers.dense({ units: 1 }).apply(hidden);
  const model = tf.model({ inputs: [userIn, featIn], outputs: out });
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await model.fit([tr.user, tr.x], tr.y, { epochs: 25, batchSize: 128, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [testLoss, testMae] = model.evaluate([te.user, te.x], te.y).map((t) => t.dataSync()[0]);
  console.log(`users ${N_USERS} rows ${numRows} loss ${h.loss[0].toFixed(4)} -> ${h.loss[last].toFixed(4)} mae ${(60 * h.mae[last]).toFixed(2)} min | test loss ${testLoss.toFixed(4)} test mae ${(60 * testMae).toFixed(2)} min`);
}

main();
