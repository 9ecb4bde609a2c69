'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9650);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// DQN-style fitted Q-iteration for a warehouse robot on a 6x6 floor. The packing station sits in
// the bottom-right corner; delivering there pays +10 and ends the episode. Two aisles in the middle
// of the floor are mopped every shift: driving onto a wet cell is a slip incident (-10) but the
// robot keeps going, so the dry way round goes via the top row. Transitions are logged with a
// random policy into a replay buffer, rewards are clipped as in the Atari DQN setup, and a
// Q-network (one-hot cell in, one Q-value per move out) is fitted to one-step Bellman targets
// with a target network. At the end the greedy policy is rolled out from every dry cell.
const SIZE = 6;
const NUM_CELLS = SIZE * SIZE;
const MOVES = [[-1, 0], [1, 0], [0, -1], [0, 1]];
const NUM_ACTIONS = MOVES.length;
const STATION = NUM_CELLS - 1;
const WET = new Set([...Array(NUM_CELLS).keys()].filter((c) => c >= SIZE && [2, 3].includes(c % SIZE)));
const DELIVERY_REWARD = 10;
const SLIP_PENALTY = -10;
const GAMMA = 0.95;
const BUFFER_SIZE = 5000;
const TRAIN_STEPS = 1200;
const BATCH = 64;
const SYNC_EVERY = 20;
const START_CELLS = [...Array(NUM_CELLS).keys()].filter((c) => c !== STATION);
const DRY_CELLS = START_CELLS.filter((c) => !WET.has(c));

function step(cell, action) {
  const row = Math.floor(cell / SIZE) + MOVES[action][0];
  const col = (cell % SIZE) + MOVES[action][1];
  // driving into the outer wall leaves the robot where it was
  const next = row < 0 || row >= SIZE || col < 0 || col >= SIZE ? cell : row * SIZE + col;
  const done = next === STATION;
  const reward = done ? DELIVERY_REWARD : WET.has(next) ? SLIP_PENALTY : 0;
  return { next, reward, done };
}

// keep the TD targets on a fixed scale
const clipReward = (r) => Math.min(Math.max(r, 0), 1);

function collectRandomTransitions(n) {
  const buffer = { s: [], a: [], r: [], s2: [], done: [] };
  let cell = START_CELLS[rng.int(0, START_CELLS.length)];
  for (let t = 0; t < n; t++) {
    const action = rng.int(0, NUM_ACTIONS);
    const { next, reward, done } = step(cell, action);
    buffer.s.push(cell);
    buffer.a.push(action);
    buffer.r.push(clipReward(reward));
    buffer.s2.push(next);
    buffer.done.push(done ? 1 : 0);
    // restart from a random cell after a delivery or every 30 moves
    cell = done || t % 30 === 29 ? START_CELLS[rng.int(0, START_CELLS.length)] : next;
  }
  return buffer;
}

// Undiscounted episode return in the task's own units, and the number of slips on the way.
function rollout(policy, start, maxSteps) {
  let cell = start;
  let ret = 0;
  let slips = 0;
  for (let t = 0; t < maxSteps; t++) {
    const { next, reward, done } = step(cell, policy(cell));
    ret += reward;
    if (reward === SLIP_PENALTY) slips += 1;
    if (done) return { ret, slips, delivered: true };
    cell = next;
  }
  return { ret, slips, delivered: false };
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
  const actionMask = tf.oneHot(tf.tensor1d(buffer.a, 'int32'), NUM_ACTIONS).cast('float32');
  const rewards = tf.tensor2d(buffer.r, [BUFFER_SIZE, 1]);
  const nextStates = tf.oneHot(tf.tensor1d(buffer.s2, 'int32'), NUM_CELLS).cast('float32');
  const notDone = tf.tensor2d(buffer.done.map((d) => 1 - d), [BUFFER_SIZE, 1]);

  const qNet = buildQNet();
  const targetNet = buildQNet();
  targetNet.setWeights(qNet.getWeights());
  const optimizer = tf.train.adam(0.002);

  const losses = [];
  for (let t = 0; t < TRAIN_STEPS; t++) {
    const idx = tf.tensor1d(rng.array(BATCH, () => rng.int(0, BUFFER_SIZE)), 'int32');
    const [s, mask, targets] = tf.tidy(() => {
      const nextQ = targetNet.predict(tf.gather(nextStates, idx)).max(1, true);
      const y = tf.gather(rewards, idx).add(nextQ.mul(GAMMA).mul(tf.gather(notDone, idx)));
      return [tf.gather(states, idx), tf.gather(actionMask, idx), y];
    });
    const cost = optimizer.minimize(() => {
      const q = qNet.predict(s).mul(mask).sum(1, true);
      return q.sub(targets).square().mean();
    }, true);
    losses.push(cost.dataSync()[0]);
    tf.dispose([idx, s, mask, targets, cost]);
    if ((t + 1) % SYNC_EVERY === 0) targetNet.setWeights(qNet.getWeights());
  }

  // Greedy rollouts from every dry cell, against a random policy.
  const qAll = tf.tidy(() => qNet.predict(tf.oneHot(tf.range(0, NUM_CELLS, 1, 'int32'), NUM_CELLS).cast('float32')).arraySync());
  const greedy = (cell) => qAll[cell].indexOf(Math.max(...qAll[cell]));
  const greedyRuns = DRY_CELLS.map((c) => rollout(greedy, c, 40));
  const randomRuns = DRY_CELLS.map((c) => rollout(() => rng.int(0, NUM_ACTIONS), c, 40));
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const delivered = greedyRuns.filter((r) => r.delivered).length;
  const slips = greedyRuns.reduce((a, r) => a + r.slips, 0);
  console.log(`td loss ${avg(losses.slice(0, 50)).toFixed(4)} -> ${avg(losses.slice(-50)).toFixed(4)} | greedy delivers from ${delivered}/${DRY_CELLS.length} dry cells, ${slips} slips, avg return ${avg(greedyRuns.map((r) => r.ret)).toFixed(2)} | random policy avg return ${avg(randomRuns.map((r) => r.ret)).toFixed(2)}`);
}

main();
