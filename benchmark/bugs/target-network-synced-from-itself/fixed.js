'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9635);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// DQN for a forklift crossing a 4x8 loading yard. Its home is the bottom-left bay and it has to
// reach the bottom-right dock; the cells between them along the bottom edge are the loading-ramp
// drop, and driving into it costs -1 and ends the episode. Reaching the dock pays 1, every other
// move costs a little fuel. Training episodes start from a random safe cell; the agent explores
// epsilon-greedily, stores every transition in a replay buffer and trains an online Q-network on
// minibatches against the one-step targets of a target network refreshed every SYNC_EVERY steps.
const ROWS = 4;
const COLS = 8;
const NUM_CELLS = ROWS * COLS;
const MOVES = [[-1, 0], [1, 0], [0, -1], [0, 1]];
const NUM_ACTIONS = MOVES.length;
const START = (ROWS - 1) * COLS;
const DOCK = ROWS * COLS - 1;
const DROP = new Set(Array.from({ length: COLS - 2 }, (_, i) => START + 1 + i));
const FUEL_COST = -0.01;
const GAMMA = 0.95;
const MAX_MOVES = 40;
const TOTAL_STEPS = 3000;
const WARMUP = 200;
const BATCH = 32;
const SYNC_EVERY = 100;
const EPS_DECAY_STEPS = 2000;

function step(cell, action) {
  const row = Math.floor(cell / COLS) + MOVES[action][0];
  const col = (cell % COLS) + MOVES[action][1];
  // driving into the yard fence leaves the forklift where it was
  const next = row < 0 || row >= ROWS || col < 0 || col >= COLS ? cell : row * COLS + col;
  if (DROP.has(next)) return { next, reward: -1, done: true };
  if (next === DOCK) return { next, reward: 1, done: true };
  return { next, reward: FUEL_COST, done: false };
}

function buildQNet() {
  const net = tf.sequential();
  net.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_CELLS] }));
  net.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  net.add(tf.layers.dense({ units: NUM_ACTIONS }));
  return net;
}

const SAFE_CELLS = Array.from({ length: NUM_CELLS }, (_, c) => c).filter((c) => !DROP.has(c) && c !== DOCK);
const randomStart = () => SAFE_CELLS[rng.int(0, SAFE_CELLS.length)];

const encode = (cells) => tf.oneHot(tf.tensor1d(cells, 'int32'), NUM_CELLS).toFloat();

function greedyAction(net, cell) {
  return tf.tidy(() => net.predict(encode([cell])).argMax(1).dataSync()[0]);
}

function rollout(net, start) {
  let cell = start;
  let total = 0;
  for (let t = 1; t <= MAX_MOVES; t++) {
    const { next, reward, done } = step(cell, greedyAction(net, cell));
    total += reward;
    if (done) return { docked: reward > 0, moves: t, total };
    cell = next;
  }
  return { docked: false, moves: MAX_MOVES, total };
}

async function main() {
  await tf.setBackend('wasm');

  const onlineNet = buildQNet();
  const targetNet = buildQNet();
  targetNet.setWeights(onlineNet.getWeights());
  const optimizer = tf.train.adam(0.001);

  const buffer = { s: [], a: [], r: [], s2: [], notDone: [] };
  const losses = [];
  const episodeReturns = [];
  let cell = randomStart();
  let moves = 0;
  let episodeReturn = 0;
  for (let t = 0; t < TOTAL_STEPS; t++) {
    const epsilon = Math.max(0.1, 1 - t / EPS_DECAY_STEPS);
    const action = rng.random() < epsilon ? rng.int(0, NUM_ACTIONS) : greedyAction(onlineNet, cell);
    const { next, reward, done } = step(cell, action);
    buffer.s.push(cell);
    buffer.a.push(action);
    buffer.r.push(reward);
    buffer.s2.push(next);
    buffer.notDone.push(done ? 0 : 1);
    episodeReturn += reward;
    moves += 1;
    if (done || moves === MAX_MOVES) {
      episodeReturns.push(episodeReturn);
      cell = randomStart();
      moves = 0;
      episodeReturn = 0;
    } else {
      cell = next;
    }

    if (t >= WARMUP) {
      const idx = rng.array(BATCH, () => rng.int(0, buffer.s.length));
      const pick = (arr) => idx.map((i) => arr[i]);
      const states = encode(pick(buffer.s));
      const taken = tf.oneHot(tf.tensor1d(pick(buffer.a), 'int32'), NUM_ACTIONS).toFloat();
      const targets = tf.tidy(() => {
        const nextQ = targetNet.predict(encode(pick(buffer.s2))).max(1);
        return tf.tensor1d(pick(buffer.r)).add(nextQ.mul(GAMMA).mul(tf.tensor1d(pick(buffer.notDone))));
      });
      const cost = optimizer.minimize(() => {
        const q = onlineNet.predict(states).mul(taken).sum(1);
        return q.sub(targets).square().mean();
      }, true);
      losses.push(cost.dataSync()[0]);
      tf.dispose([states, taken, targets, cost]);
    }
    if ((t + 1) % SYNC_EVERY === 0) targetNet.setWeights(onlineNet.getWeights());
  }

  // greedy policy from the start bay and from every other safe cell of the yard
  const fromStart = rollout(onlineNet, START);
  const docked = SAFE_CELLS.filter((c) => rollout(onlineNet, c).docked).length;
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`td loss ${avg(losses.slice(0, 100)).toExponential(2)} -> ${avg(losses.slice(-100)).toExponential(2)} | episodes ${episodeReturns.length}, return ${avg(episodeReturns.slice(0, 20)).toFixed(2)} -> ${avg(episodeReturns.slice(-20)).toFixed(2)} | greedy from start: ${fromStart.docked ? `docks in ${fromStart.moves} moves` : 'does not dock'} (return ${fromStart.total.toFixed(2)}), docks from ${docked}/${SAFE_CELLS.length} safe cells`);
}

main();
