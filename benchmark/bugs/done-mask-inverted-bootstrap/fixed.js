'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9674);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Game AI for a roguelike: on a 7x7 dungeon floor with pillars the agent has to walk to the
// stairs down. Reaching the stairs pays 1 and ends the episode, every other move costs a little.
// Play is logged with a random policy into a replay buffer, and a Q-network (one-hot tile in,
// one Q-value per move out) is fitted to the one-step TD targets with a periodically synced
// target network (DQN-style fitted Q-iteration). At the end the greedy agent is started from
// every open tile.
const SIZE = 7;
const NUM_TILES = SIZE * SIZE;
const MOVES = [[-1, 0], [1, 0], [0, -1], [0, 1]];
const NUM_ACTIONS = MOVES.length;
const PILLARS = new Set([8, 10, 12, 22, 24, 26, 36, 38, 40, 29, 19]);
const STAIRS = 6 * SIZE + 6;
const STEP_REWARD = -0.01;
const GAMMA = 0.9;
const BUFFER_SIZE = 6000;
const EPISODE_CAP = 40;
const TRAIN_STEPS = 1500;
const BATCH = 64;
const SYNC_EVERY = 50;
const OPEN_TILES = [...Array(NUM_TILES).keys()].filter((t) => !PILLARS.has(t) && t !== STAIRS);

function move(tile, action) {
  const row = Math.floor(tile / SIZE) + MOVES[action][0];
  const col = (tile % SIZE) + MOVES[action][1];
  let next = row * SIZE + col;
  // walking into the edge of the map or a pillar wastes the move
  if (row < 0 || row >= SIZE || col < 0 || col >= SIZE || PILLARS.has(next)) next = tile;
  const done = next === STAIRS;
  return { next, reward: done ? 1 : STEP_REWARD, done };
}

function logRandomPlay(n) {
  const buffer = { s: [], a: [], r: [], s2: [], done: [] };
  let tile = OPEN_TILES[rng.int(0, OPEN_TILES.length)];
  let t = 0;
  for (let i = 0; i < n; i++) {
    const action = rng.int(0, NUM_ACTIONS);
    const { next, reward, done } = move(tile, action);
    buffer.s.push(tile);
    buffer.a.push(action);
    buffer.r.push(reward);
    buffer.s2.push(next);
    buffer.done.push(done ? 1 : 0);
    t += 1;
    if (done || t === EPISODE_CAP) {
      tile = OPEN_TILES[rng.int(0, OPEN_TILES.length)];
      t = 0;
    } else {
      tile = next;
    }
  }
  return buffer;
}

// Number of moves to the stairs from every tile (BFS), for reference.
function movesToStairs() {
  const dist = new Array(NUM_TILES).fill(Infinity);
  dist[STAIRS] = 0;
  const queue = [STAIRS];
  while (queue.length > 0) {
    const tile = queue.shift();
    for (let a = 0; a < NUM_ACTIONS; a++) {
      const { next } = move(tile, a);
      if (dist[next] === Infinity) {
        dist[next] = dist[tile] + 1;
        queue.push(next);
      }
    }
  }
  return dist;
}

function play(policy, start, maxMoves) {
  let tile = start;
  let ret = 0;
  for (let t = 0; t < maxMoves; t++) {
    const { next, reward, done } = move(tile, policy(tile));
    ret += Math.pow(GAMMA, t) * reward;
    if (done) return { reached: true, ret };
    tile = next;
  }
  return { reached: false, ret };
}

function buildQNet() {
  const net = tf.sequential();
  net.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_TILES] }));
  net.add(tf.layers.dense({ units: NUM_ACTIONS }));
  return net;
}

async function main() {
  await tf.setBackend('wasm');
  const buffer = logRandomPlay(BUFFER_SIZE);
  const states = tf.oneHot(tf.tensor1d(buffer.s, 'int32'), NUM_TILES).cast('float32');
  const actionMasks = tf.oneHot(tf.tensor1d(buffer.a, 'int32'), NUM_ACTIONS).cast('float32');
  const rewards = tf.tensor2d(buffer.r, [BUFFER_SIZE, 1]);
  const nextStates = tf.oneHot(tf.tensor1d(buffer.s2, 'int32'), NUM_TILES).cast('float32');
  const dones = tf.tensor2d(buffer.done, [BUFFER_SIZE, 1]);

  const qNet = buildQNet();
  const targetNet = buildQNet();
  targetNet.setWeights(qNet.getWeights());
  const optimizer = tf.train.adam(0.003);

  const losses = [];
  for (let t = 0; t < TRAIN_STEPS; t++) {
    const idx = tf.tensor1d(rng.array(BATCH, () => rng.int(0, BUFFER_SIZE)), 'int32');
    const targets = tf.tidy(() => {
      const maxNextQ = targetNet.predict(tf.gather(nextStates, idx)).max(1, true);
      const done = tf.gather(dones, idx);
      return tf.gather(rewards, idx).add(maxNextQ.mul(GAMMA).mul(tf.sub(1, done)));
    });
    const cost = optimizer.minimize(() => {
      const q = qNet.predict(tf.gather(states, idx)).mul(tf.gather(actionMasks, idx)).sum(1, true);
      return q.sub(targets).square().mean();
    }, true);
    losses.push(cost.dataSync()[0]);
    tf.dispose([idx, targets, cost]);
    if ((t + 1) % SYNC_EVERY === 0) targetNet.setWeights(qNet.getWeights());
  }

  // Greedy agent from every open tile, against a random agent.
  const qAll = tf.tidy(() => qNet.predict(tf.oneHot(tf.range(0, NUM_TILES, 1, 'int32'), NUM_TILES).cast('float32')).arraySync());
  const greedy = (tile) => qAll[tile].indexOf(Math.max(...qAll[tile]));
  const dist = movesToStairs();
  const greedyRuns = OPEN_TILES.map((tile) => play(greedy, tile, 50));
  const randomRuns = OPEN_TILES.map((tile) => play(() => rng.int(0, NUM_ACTIONS), tile, 50));
  const far = OPEN_TILES.filter((tile) => dist[tile] >= 4);
  const farReached = OPEN_TILES.filter((tile, i) => dist[tile] >= 4 && greedyRuns[i].reached).length;
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const reached = (runs) => runs.filter((run) => run.reached).length;
  const optimalReturn = avg(OPEN_TILES.map((tile) => (1 - Math.pow(GAMMA, dist[tile] - 1)) / (1 - GAMMA) * STEP_REWARD + Math.pow(GAMMA, dist[tile] - 1)));
  console.log(`td loss ${avg(losses.slice(0, 50)).toFixed(4)} -> ${avg(losses.slice(-50)).toFixed(4)} | greedy reaches the stairs from ${reached(greedyRuns)}/${OPEN_TILES.length} tiles (${farReached}/${far.length} of those 4+ moves away) avg return ${avg(greedyRuns.map((run) => run.ret)).toFixed(3)} (optimal ${optimalReturn.toFixed(3)}) | random agent ${reached(randomRuns)}/${OPEN_TILES.length} avg return ${avg(randomRuns.map((run) => run.ret)).toFixed(3)}`);
}

main();
