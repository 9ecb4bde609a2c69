'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9619);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// DQN for a warehouse robot on a 6x6 floor grid: from a random start cell it has to reach the
// charging dock. The observation is a one-hot vector of the robot's cell, kept in a preallocated
// buffer that the environment updates on every step. Small dense Q-network, epsilon-greedy
// exploration, experience replay and a target network that is synced every 100 updates.
// Evaluation: the greedy policy from every start cell.
const SIZE = 6;
const N_CELLS = SIZE * SIZE;
const DOCK = 2 * SIZE + 3;
const MOVES = [[-1, 0], [1, 0], [0, -1], [0, 1]];
const MAX_STEPS = 30;
const EPISODES = 80;
const GAMMA = 0.9;
const BATCH_SIZE = 32;
const BUFFER_SIZE = 10000;
const WARMUP = 200;
const TARGET_SYNC = 100;

class GridFloor {
  constructor() {
    this.obs = new Float32Array(N_CELLS);
    this.cell = 0;
  }

  observe() {
    this.obs.fill(0);
    this.obs[this.cell] = 1;
    return this.obs;
  }

  reset() {
    do {
      this.cell = rng.int(0, N_CELLS);
    } while (this.cell === DOCK);
    return this.observe();
  }

  resetTo(cell) {
    this.cell = cell;
    return this.observe();
  }

  step(action) {
    const r = Math.floor(this.cell / SIZE) + MOVES[action][0];
    const c = (this.cell % SIZE) + MOVES[action][1];
    if (r >= 0 && r < SIZE && c >= 0 && c < SIZE) this.cell = r * SIZE + c;
    const done = this.cell === DOCK;
    return { observation: this.observe(), reward: done ? 1 : -0.02, done };
  }
}

function buildQNet() {
  const net = tf.sequential();
  net.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [N_CELLS] }));
  net.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  net.add(tf.layers.dense({ units: MOVES.length }));
  return net;
}

function greedyAction(net, state) {
  return tf.tidy(() => net.predict(tf.tensor2d(state, [1, N_CELLS])).argMax(1).dataSync()[0]);
}

async function main() {
  await tf.setBackend('wasm');

  const env = new GridFloor();
  const qNet = buildQNet();
  const targetNet = buildQNet();
  targetNet.setWeights(qNet.getWeights());
  const optimizer = tf.train.adam(0.003);
  const buffer = [];
  const episodeLosses = [];
  let updates = 0;

  for (let episode = 0; episode < EPISODES; episode++) {
    const epsilon = Math.max(0.1, 1 - episode / (0.5 * EPISODES));
    let state = env.reset();
    let lossSum = 0;
    let lossCount = 0;
    for (let t = 0; t < MAX_STEPS; t++) {
      const action = rng.random() < epsilon ? rng.int(0, MOVES.length) : greedyAction(qNet, state);
      const { observation, reward, done } = env.step(action);
      const nextState = observation;
      buffer.push({ state, action, reward, nextState, done });
      if (buffer.length > BUFFER_SIZE) buffer.shift();
      state = nextState;

      if (buffer.length >= WARMUP) {
        const batch = rng.array(BATCH_SIZE, () => buffer[rng.int(0, buffer.length)]);
        const loss = tf.tidy(() => {
          const states = tf.tensor2d(batch.map((b) => Array.from(b.state)), [BATCH_SIZE, N_CELLS]);
          const nextStates = tf.tensor2d(batch.map((b) => Array.from(b.nextState)), [BATCH_SIZE, N_CELLS]);
          const rewards = tf.tensor1d(batch.map((b) => b.reward));
          const notDone = tf.tensor1d(batch.map((b) => (b.done ? 0 : 1)));
          const actionMask = tf.oneHot(tf.tensor1d(batch.map((b) => b.action), 'int32'), MOVES.length);
          const targets = rewards.add(targetNet.predict(nextStates).max(1).mul(notDone).mul(GAMMA));
          return optimizer.minimize(() => {
            const q = qNet.apply(states, { training: true }).mul(actionMask).sum(1);
            return tf.losses.huberLoss(targets, q);
          }, true);
        });
        lossSum += loss.dataSync()[0];
        lossCount++;
        loss.dispose();
        updates++;
        if (updates % TARGET_SYNC === 0) targetNet.setWeights(qNet.getWeights());
      }
      if (done) break;
    }
    if (lossCount > 0) episodeLosses.push(lossSum / lossCount);
  }

  // greedy rollout from every start cell
  let reached = 0;
  let extraSteps = 0;
  let totalReturn = 0;
  for (let start = 0; start < N_CELLS; start++) {
    if (start === DOCK) continue;
    let state = env.resetTo(start);
    let steps = 0;
    let ret = 0;
    let done = false;
    while (!done && steps < MAX_STEPS) {
      const out = env.step(greedyAction(qNet, state));
      state = out.observation;
      done = out.done;
      ret += out.reward;
      steps++;
    }
    totalReturn += ret;
    if (done) {
      reached++;
      const shortest = Math.abs(Math.floor(start / SIZE) - Math.floor(DOCK / SIZE)) + Math.abs((start % SIZE) - (DOCK % SIZE));
      extraSteps += steps - shortest;
    }
  }
  const starts = N_CELLS - 1;
  const avgLoss = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const firstLoss = avgLoss(episodeLosses.slice(0, 10));
  const lastLoss = avgLoss(episodeLosses.slice(-10));
  console.log(`td loss ${firstLoss.toFixed(4)} -> ${lastLoss.toFixed(4)} updates ${updates} | greedy: reached dock from ${reached}/${starts} starts (${(reached / starts).toFixed(3)}), extra steps ${extraSteps}, mean return ${(totalReturn / starts).toFixed(3)}`);
}

main();
