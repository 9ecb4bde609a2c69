'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9608);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// DQN-style fitted Q-iteration for a cleaning robot in a 6x6 flat with interior walls. The robot
// has to find its way back to the charging dock from wherever it stopped; reaching the dock pays 1
// and ends the episode, every other move costs a little battery. Transitions are logged with a
// random policy from random start cells into a replay buffer, then a Q-network (one-hot cell in,
// one Q-value per move out) is fitted to the one-step Bellman targets with a target network.
// At the end the greedy policy is rolled out from every free cell.
const SIZE = 6;
const NUM_CELLS = SIZE * SIZE;
const MOVES = [[-1, 0], [1, 0], [0, -1], [0, 1]];
const NUM_ACTIONS = MOVES.length;
const WALLS = new Set([8, 14, 20, 22, 23, 27, 9]);
const DOCK = 5 * SIZE + 5;
const STEP_COST = -0.02;
const GAMMA = 0.9;
const BUFFER_SIZE = 4000;
const TRAIN_STEPS = 1000;
const BATCH = 64;
const SYNC_EVERY = 50;
const FREE_CELLS = [...Array(NUM_CELLS).keys()].filter((c) => !WALLS.has(c) && c !== DOCK);

function step(cell, action) {
  const row = Math.floor(cell / SIZE) + MOVES[action][0];
  const col = (cell % SIZE) + MOVES[action][1];
  let next = row * SIZE + col;
  // bumping into the outer wall or a room wall leaves the robot where it was
  if (row < 0 || row >= SIZE || col < 0 || col >= SIZE || WALLS.has(next)) next = cell;
  const done = next === DOCK;
  return { next, reward: done ? 1 : STEP_COST, done };
}

function collectRandomTransitions(n) {
  const buffer = { s: [], a: [], r: [], s2: [], done: [] };
  let cell = FREE_CELLS[rng.int(0, FREE_CELLS.length)];
  for (let t = 0; t < n; t++) {
    const action = rng.int(0, NUM_ACTIONS);
    const { next, reward, done } = step(cell, action);
    buffer.s.push(cell);
    buffer.a.push(action);
    buffer.r.push(reward);
    buffer.s2.push(next);
    buffer.done.push(done ? 1 : 0);
    // restart from a random cell after docking or every 30 moves
    cell = done || t % 30 === 29 ? FREE_CELLS[rng.int(0, FREE_CELLS.length)] : next;
  }
  return buffer;
}

// Shortest number of moves to the dock from every cell (BFS), for reference.
function shortestPaths() {
  const dist = new Array(NUM_CELLS).fill(Infinity);
  dist[DOCK] = 0;
  const queue = [DOCK];
  while (queue.length > 0) {
    const cell = queue.shift();
    for (let a = 0; a < NUM_ACTIONS; a++) {
      const { next } = step(cell, a);
      if (dist[next] === Infinity) {
        dist[next] = dist[cell] + 1;
        queue.push(next);
      }
    }
  }
  return dist;
}

function rollout(policy, start, maxSteps) {
  let cell = start;
  for (let t = 1; t <= maxSteps; t++) {
    const { next, done } = step(cell, policy(cell));
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
  const buffer = collectRandomTransitions(BUFFER_SIZE);
  const states = tf.oneHot(tf.tensor1d(buffer.s, 'int32'), NUM_CELLS).cast('float32');
  const actions = tf.tensor1d(buffer.a, 'int32');
  const rewards = tf.tensor2d(buffer.r, [BUFFER_SIZE, 1]);
  const nextStates = tf.oneHot(tf.tensor1d(buffer.s2, 'int32'), NUM_CELLS).cast('float32');
  const notDone = tf.tensor2d(buffer.done.map((d) => 1 - d), [BUFFER_SIZE, 1]);

  const qNet = buildQNet();
  const targetNet = buildQNet();
  targetNet.setWeights(qNet.getWeights());
  const optimizer = tf.train.adam(0.001);

  const losses = [];
  for (let t = 0; t < TRAIN_STEPS; t++) {
    const idx = tf.tensor1d(rng.array(BATCH, () => rng.int(0, BUFFER_SIZE)), 'int32');
    const targets = tf.tidy(() => {
      const nextQ = targetNet.predict(tf.gather(nextStates, idx)).max(1, true);
      return tf.gather(rewards, idx).add(nextQ.mul(GAMMA).mul(tf.gather(notDone, idx)));
    });
    const cost = optimizer.minimize(() => {
      const q = qNet.predict(tf.gather(states, idx)).mul(tf.oneHot(tf.gather(actions, idx), NUM_ACTIONS)).sum(1, true);
      return q.sub(targets).square().mean();
    }, true);
    losses.push(cost.dataSync()[0]);
    tf.dispose([idx, targets, cost]);
    if ((t + 1) % SYNC_EVERY === 0) targetNet.setWeights(qNet.getWeights());
  }

  // Greedy rollouts from every free cell, against the shortest path and a random policy.
  const qAll = tf.tidy(() => qNet.predict(tf.oneHot(tf.range(0, NUM_CELLS, 1, 'int32'), NUM_CELLS).cast('float32')).arraySync());
  const greedy = (cell) => qAll[cell].indexOf(Math.max(...qAll[cell]));
  const dist = shortestPaths();
  const greedySteps = FREE_CELLS.map((c) => rollout(greedy, c, 40));
  const docked = greedySteps.filter((s) => s !== null);
  const optimal = FREE_CELLS.filter((c, i) => greedySteps[i] === dist[c]).length;
  const randomDocked = FREE_CELLS.filter((c) => rollout(() => rng.int(0, NUM_ACTIONS), c, 40) !== null).length;
  const actionGap = FREE_CELLS.reduce((sum, c) => sum + Math.max(...qAll[c]) - Math.min(...qAll[c]), 0) / FREE_CELLS.length;
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`td loss ${avg(losses.slice(0, 50)).toFixed(4)} -> ${avg(losses.slice(-50)).toFixed(4)} | action gap ${actionGap.toFixed(3)} | greedy docks from ${docked.length}/${FREE_CELLS.length} cells (${optimal} on a shortest path) | random policy docks from ${randomDocked}/${FREE_CELLS.length}`);
}

main();
