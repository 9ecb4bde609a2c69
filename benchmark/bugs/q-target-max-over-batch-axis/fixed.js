'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9654);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fitted Q-iteration for a delivery drone on a 7x7 block map: it has to fly back to the landing
// pad in the middle of the map from wherever it is, around a few no-fly blocks. Landing pays 1 and
// ends the flight, every other move costs a little battery. Transitions are logged with a random
// policy into a replay buffer; a Q-network (one-hot block in, one Q-value per heading out) is
// trained on minibatches against a periodically synced target network, Keras-style: the target
// vector is the network's own prediction with the taken heading replaced by the Bellman target.
const SIZE = 7;
const NUM_CELLS = SIZE * SIZE;
const HEADINGS = [[-1, 0], [1, 0], [0, -1], [0, 1]];
const NUM_ACTIONS = HEADINGS.length;
const NO_FLY = new Set([9, 10, 16, 32, 33, 38, 26]);
const PAD = 3 * SIZE + 3;
const STEP_COST = -0.02;
const GAMMA = 0.9;
const BUFFER_SIZE = 5000;
const TRAIN_STEPS = 1000;
const BATCH = 64;
const SYNC_EVERY = 50;
const FREE_CELLS = [...Array(NUM_CELLS).keys()].filter((c) => !NO_FLY.has(c) && c !== PAD);

function fly(cell, action) {
  const row = Math.floor(cell / SIZE) + HEADINGS[action][0];
  const col = (cell % SIZE) + HEADINGS[action][1];
  let next = row * SIZE + col;
  // leaving the map or entering a no-fly block is refused: the drone hovers in place
  if (row < 0 || row >= SIZE || col < 0 || col >= SIZE || NO_FLY.has(next)) next = cell;
  const done = next === PAD;
  return { next, reward: done ? 1 : STEP_COST, done };
}

function logRandomFlights(n) {
  const log = { s: [], a: [], r: [], s2: [], done: [] };
  let cell = FREE_CELLS[rng.int(0, FREE_CELLS.length)];
  for (let t = 0; t < n; t++) {
    const action = rng.int(0, NUM_ACTIONS);
    const { next, reward, done } = fly(cell, action);
    log.s.push(cell);
    log.a.push(action);
    log.r.push(reward);
    log.s2.push(next);
    log.done.push(done ? 1 : 0);
    // a new flight starts after landing or every 25 moves
    cell = done || t % 25 === 24 ? FREE_CELLS[rng.int(0, FREE_CELLS.length)] : next;
  }
  return log;
}

// Fewest moves to the pad from every block (BFS), to compare the learned policy against.
function fewestMoves() {
  const dist = new Array(NUM_CELLS).fill(Infinity);
  dist[PAD] = 0;
  const queue = [PAD];
  while (queue.length > 0) {
    const cell = queue.shift();
    for (let a = 0; a < NUM_ACTIONS; a++) {
      const { next } = fly(cell, a);
      if (dist[next] === Infinity) {
        dist[next] = dist[cell] + 1;
        queue.push(next);
      }
    }
  }
  return dist;
}

function flightLength(policy, start, maxMoves) {
  let cell = start;
  for (let t = 1; t <= maxMoves; t++) {
    const { next, done } = fly(cell, policy(cell));
    if (done) return t;
    cell = next;
  }
  return null;
}

function buildQNet() {
  const net = tf.sequential();
  net.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_CELLS] }));
  net.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  net.add(tf.layers.dense({ units: NUM_ACTIONS }));
  return net;
}

async function main() {
  await tf.setBackend('wasm');
  const log = logRandomFlights(BUFFER_SIZE);
  const states = tf.oneHot(tf.tensor1d(log.s, 'int32'), NUM_CELLS).cast('float32');
  const actions = tf.tensor1d(log.a, 'int32');
  const rewards = tf.tensor2d(log.r, [BUFFER_SIZE, 1]);
  const nextStates = tf.oneHot(tf.tensor1d(log.s2, 'int32'), NUM_CELLS).cast('float32');
  const notDone = tf.tensor2d(log.done.map((d) => 1 - d), [BUFFER_SIZE, 1]);

  const qNet = buildQNet();
  const targetNet = buildQNet();
  targetNet.setWeights(qNet.getWeights());
  const optimizer = tf.train.adam(0.001);

  const losses = [];
  for (let t = 0; t < TRAIN_STEPS; t++) {
    const idx = tf.tensor1d(rng.array(BATCH, () => rng.int(0, BUFFER_SIZE)), 'int32');
    const targets = tf.tidy(() => {
      const q = qNet.predict(tf.gather(states, idx));
      const nextQ = targetNet.predict(tf.gather(nextStates, idx));
      const bellman = tf.gather(rewards, idx).add(nextQ.max(1, true).mul(GAMMA).mul(tf.gather(notDone, idx)));
      // keep the network's own values for the headings not taken, so only the taken one moves
      const taken = tf.oneHot(tf.gather(actions, idx), NUM_ACTIONS).cast('float32');
      return q.mul(tf.onesLike(taken).sub(taken)).add(bellman.mul(taken));
    });
    const cost = optimizer.minimize(() => {
      const q = qNet.predict(tf.gather(states, idx));
      return q.sub(targets).square().sum(1).mean();
    }, true);
    losses.push(cost.dataSync()[0]);
    tf.dispose([idx, targets, cost]);
    if ((t + 1) % SYNC_EVERY === 0) targetNet.setWeights(qNet.getWeights());
  }

  // Greedy flights from every free block, against the fewest-moves route and a random policy.
  const qAll = tf.tidy(() => qNet.predict(tf.oneHot(tf.range(0, NUM_CELLS, 1, 'int32'), NUM_CELLS).cast('float32')).arraySync());
  const greedy = (cell) => qAll[cell].indexOf(Math.max(...qAll[cell]));
  const dist = fewestMoves();
  const greedyMoves = FREE_CELLS.map((c) => flightLength(greedy, c, 40));
  const landed = greedyMoves.filter((m) => m !== null);
  const shortest = FREE_CELLS.filter((c, i) => greedyMoves[i] === dist[c]).length;
  const randomLanded = FREE_CELLS.filter((c) => flightLength(() => rng.int(0, NUM_ACTIONS), c, 40) !== null).length;
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`td loss ${avg(losses.slice(0, 50)).toFixed(4)} -> ${avg(losses.slice(-50)).toFixed(4)} | greedy lands from ${landed.length}/${FREE_CELLS.length} blocks (${shortest} on a shortest route) | random policy lands from ${randomLanded}/${FREE_CELLS.length}`);
}

main();
