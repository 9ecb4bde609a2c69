'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9584);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fitted Q-iteration (DQN-style, with a target network) for a warehouse robot on a 5x5 floor.
// The robot starts every shift at the loading bay (0,0). It can hand its parcel in at the side
// hatch (0,2) for a small reward, or carry it to the dispatch dock (4,4) for the full reward;
// either one ends the episode. Transitions are collected with a random policy into a replay
// buffer, then a small Q-network is fitted to the one-step Bellman targets. At the end the
// learned values are compared with exact value iteration and the greedy policy is rolled out.
const SIZE = 5;
const NUM_STATES = SIZE * SIZE;
const MOVES = [[-1, 0], [1, 0], [0, -1], [0, 1]];
const EXITS = new Map([[0 * SIZE + 2, 0.3], [4 * SIZE + 4, 1.0]]);
const START = 0;
const GAMMA = 0.95;
const BUFFER_STEPS = 6000;
const TRAIN_STEPS = 2000;
const BATCH = 64;
const SYNC_EVERY = 100;

function move(state, action) {
  const row = Math.min(SIZE - 1, Math.max(0, Math.floor(state / SIZE) + MOVES[action][0]));
  const col = Math.min(SIZE - 1, Math.max(0, (state % SIZE) + MOVES[action][1]));
  return row * SIZE + col;
}

class Warehouse {
  constructor() {
    this.state = START;
  }

  reset() {
    this.state = START;
    return this.state;
  }

  // Like a vectorized env runner: a finished episode is reset right away, so the returned
  // observation is always the one the robot acts from next.
  step(action) {
    const next = move(this.state, action);
    const done = EXITS.has(next);
    const reward = done ? EXITS.get(next) : 0;
    this.state = done ? START : next;
    return { obs: this.state, reward, done };
  }
}

function collect(steps) {
  const env = new Warehouse();
  const buffer = { s: [], a: [], r: [], s2: [], done: [] };
  let obs = env.reset();
  let episodes = 0;
  for (let t = 0; t < steps; t++) {
    const action = rng.int(0, MOVES.length);
    const { obs: next, reward, done } = env.step(action);
    buffer.s.push(obs);
    buffer.a.push(action);
    buffer.r.push(reward);
    buffer.s2.push(next);
    buffer.done.push(done ? 1 : 0);
    if (done) episodes++;
    obs = next;
  }
  return { buffer, episodes };
}

// Exact optimal state values for reference.
function valueIteration() {
  const v = new Array(NUM_STATES).fill(0);
  for (let sweep = 0; sweep < 200; sweep++) {
    for (let s = 0; s < NUM_STATES; s++) {
      if (EXITS.has(s)) continue;
      v[s] = Math.max(...MOVES.map((_, a) => {
        const next = move(s, a);
        return EXITS.has(next) ? EXITS.get(next) : GAMMA * v[next];
      }));
    }
  }
  return v;
}

function buildQNet() {
  const net = tf.sequential();
  net.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_STATES] }));
  net.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  net.add(tf.layers.dense({ units: MOVES.length }));
  return net;
}

async function main() {
  await tf.setBackend('wasm');
  const { buffer, episodes } = collect(BUFFER_STEPS);
  const states = tf.oneHot(tf.tensor1d(buffer.s, 'int32'), NUM_STATES).cast('float32');
  const actions = tf.oneHot(tf.tensor1d(buffer.a, 'int32'), MOVES.length).cast('float32');
  const rewards = tf.tensor1d(buffer.r);
  const nextStates = tf.oneHot(tf.tensor1d(buffer.s2, 'int32'), NUM_STATES).cast('float32');
  const dones = tf.tensor1d(buffer.done);

  const qNet = buildQNet();
  const targetNet = buildQNet();
  targetNet.setWeights(qNet.getWeights());
  const optimizer = tf.train.adam(0.001);

  const losses = [];
  for (let step = 0; step < TRAIN_STEPS; step++) {
    const idx = tf.tensor1d(rng.array(BATCH, () => rng.int(0, BUFFER_STEPS)), 'int32');
    const target = tf.tidy(() => {
      const nextQ = targetNet.predict(tf.gather(nextStates, idx));
      return tf.gather(rewards, idx).add(nextQ.max(1).mul(GAMMA));
    });
    const cost = optimizer.minimize(() => {
      const q = qNet.predict(tf.gather(states, idx)).mul(tf.gather(actions, idx)).sum(1);
      return tf.losses.meanSquaredError(target, q);
    }, true);
    losses.push(cost.dataSync()[0]);
    tf.dispose([idx, target, cost]);
    if ((step + 1) % SYNC_EVERY === 0) targetNet.setWeights(qNet.getWeights());
  }

  // Learned state values against the exact ones, over the non-terminal cells.
  const vStar = valueIteration();
  const qAll = tf.tidy(() => qNet.predict(tf.oneHot(tf.range(0, NUM_STATES, 1, 'int32'), NUM_STATES).cast('float32')).arraySync());
  const cells = vStar.map((_, s) => s).filter((s) => !EXITS.has(s));
  const valueMae = cells.reduce((sum, s) => sum + Math.abs(Math.max(...qAll[s]) - vStar[s]), 0) / cells.length;

  // Greedy rollout from the loading bay.
  let s = START;
  let ret = 0;
  let discount = 1;
  let exit = 'none';
  for (let t = 0; t < 30; t++) {
    const a = qAll[s].indexOf(Math.max(...qAll[s]));
    const next = move(s, a);
    if (EXITS.has(next)) {
      ret += discount * EXITS.get(next);
      exit = next === 2 ? 'hatch' : 'dock';
      break;
    }
    discount *= GAMMA;
    s = next;
  }
  const avg = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`episodes ${episodes} td loss ${avg(losses.slice(0, 100)).toFixed(4)} -> ${avg(losses.slice(-100)).toFixed(4)} | V(start) ${Math.max(...qAll[START]).toFixed(3)} (exact ${vStar[START].toFixed(3)}) value mae ${valueMae.toFixed(3)} | greedy exit ${exit} return ${ret.toFixed(3)} (optimal ${vStar[START].toFixed(3)})`);
}

main();
