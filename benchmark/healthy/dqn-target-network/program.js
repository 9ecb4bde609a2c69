'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(4813);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Deep Q-learning in the style of tfjs-examples' snake-dqn, on a 6x6 grid world: the agent
// starts on a random free cell and must reach the goal in the bottom-right corner, walking
// around a wall that blocks all but the left column. Online and target Q-networks,
// epsilon-greedy exploration, a replay buffer, and a training step minimizing the MSE between
// Q(s, a) and r + gamma * max_a' Q_target(s', a').
const SIZE = 6;
const NUM_STATES = SIZE * SIZE;
const NUM_ACTIONS = 4; // up, down, left, right
const MOVES = [[0, -1], [0, 1], [-1, 0], [1, 0]];
const GOAL = [5, 5];
const WALL = new Set(['1,3', '2,3', '3,3', '4,3', '5,3']);
const STEP_REWARD = -0.05;
const GOAL_REWARD = 1;
const MAX_STEPS = 40;

const GAMMA = 0.95;
const TOTAL_FRAMES = 3000;
const WARMUP_FRAMES = 200;
const REPLAY_SIZE = 2000;
const BATCH_SIZE = 32;
const SYNC_EVERY = 100;
const EPSILON_START = 1;
const EPSILON_END = 0.05;
const EPSILON_DECAY_FRAMES = 2000;
const EVAL_EPISODES = 50;

const isFree = (x, y) => x >= 0 && x < SIZE && y >= 0 && y < SIZE && !WALL.has(`${x},${y}`);
const isGoal = (x, y) => x === GOAL[0] && y === GOAL[1];
const stateIndex = ([x, y]) => y * SIZE + x;

class GridWorld {
  reset() {
    do {
      this.pos = [rng.int(0, SIZE), rng.int(0, SIZE)];
    } while (!isFree(...this.pos) || isGoal(...this.pos));
    this.steps = 0;
    return this.pos.slice();
  }

  step(action) {
    const [dx, dy] = MOVES[action];
    const nx = this.pos[0] + dx;
    const ny = this.pos[1] + dy;
    if (isFree(nx, ny)) this.pos = [nx, ny];
    this.steps++;
    const done = isGoal(...this.pos);
    const reward = done ? GOAL_REWARD : STEP_REWARD;
    return { state: this.pos.slice(), reward, done, truncated: !done && this.steps >= MAX_STEPS };
  }
}

// Shortest path length to the goal from every free cell (breadth-first search), for the bar.
function shortestDistances() {
  const dist = new Map([[`${GOAL[0]},${GOAL[1]}`, 0]]);
  const queue = [GOAL];
  while (queue.length > 0) {
    const [x, y] = queue.shift();
    for (const [dx, dy] of MOVES) {
      const key = `${x + dx},${y + dy}`;
      if (isFree(x + dx, y + dy) && !dist.has(key)) {
        dist.set(key, dist.get(`${x},${y}`) + 1);
        queue.push([x + dx, y + dy]);
      }
    }
  }
  return dist;
}

// One-hot encoding of the agent's cell.
function statesToTensor(states) {
  const buffer = new Float32Array(states.length * NUM_STATES);
  states.forEach((s, i) => { buffer[i * NUM_STATES + stateIndex(s)] = 1; });
  return tf.tensor2d(buffer, [states.length, NUM_STATES]);
}

class ReplayMemory {
  constructor(capacity) {
    this.capacity = capacity;
    this.items = [];
    this.next = 0;
  }

  append(item) {
    if (this.items.length < this.capacity) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
  }

  sample(n) {
    return rng.array(n, () => this.items[rng.int(0, this.items.length)]);
  }
}

function createDeepQNetwork() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_STATES] }));
  model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
  model.add(tf.layers.dense({ units: NUM_ACTIONS }));
  return model;
}

function greedyAction(net, state) {
  return tf.tidy(() => {
    const input = statesToTensor([state]);
    return net.predict(input).argMax(-1).dataSync()[0];
  });
}

async function main() {
  await tf.setBackend('wasm');

  const onlineNet = createDeepQNetwork();
  const targetNet = createDeepQNetwork();
  // The target network is only ever updated by copying the online network's weights.
  targetNet.trainable = false;
  targetNet.setWeights(onlineNet.getWeights());
  const optimizer = tf.train.adam(1e-3);

  const memory = new ReplayMemory(REPLAY_SIZE);
  const env = new GridWorld();
  let state = env.reset();
  let episodeReturn = 0;
  const trainReturns = [];
  const losses = [];

  for (let frame = 0; frame < TOTAL_FRAMES; frame++) {
    const epsilon = Math.max(EPSILON_END, EPSILON_START - (EPSILON_START - EPSILON_END) * frame / EPSILON_DECAY_FRAMES);
    const action = rng.random() < epsilon ? rng.int(0, NUM_ACTIONS) : greedyAction(onlineNet, state);
    const { state: nextState, reward, done, truncated } = env.step(action);
    memory.append([state, action, reward, done, nextState]);
    episodeReturn += reward;
    state = nextState;
    if (done || truncated) {
      trainReturns.push(episodeReturn);
      episodeReturn = 0;
      state = env.reset();
    }

    if (frame < WARMUP_FRAMES) continue;

    const batch = memory.sample(BATCH_SIZE);
    const stateTensor = statesToTensor(batch.map((e) => e[0]));
    const actionMask = tf.tidy(() => tf.oneHot(tf.tensor1d(batch.map((e) => e[1]), 'int32'), NUM_ACTIONS));
    const rewardTensor = tf.tensor1d(batch.map((e) => e[2]));
    const notDone = tf.tensor1d(batch.map((e) => (e[3] ? 0 : 1)));
    const nextStateTensor = statesToTensor(batch.map((e) => e[4]));
    // Bootstrapped targets from the frozen target network, outside the gradient.
    const targetQs = tf.tidy(() => rewardTensor.add(targetNet.predict(nextStateTensor).max(-1).mul(notDone).mul(GAMMA)));
    const cost = optimizer.minimize(() => {
      const predictedQs = onlineNet.apply(stateTensor, { training: true }).mul(actionMask).sum(-1);
      return tf.losses.meanSquaredError(targetQs, predictedQs);
    }, true);
    losses.push(cost.dataSync()[0]);
    tf.dispose([stateTensor, actionMask, rewardTensor, notDone, nextStateTensor, targetQs, cost]);

    if (frame % SYNC_EVERY === 0) targetNet.setWeights(onlineNet.getWeights());
  }

  // Held-out check: greedy policy on fresh episodes from random starts, against the optimum.
  const dist = shortestDistances();
  let greedyTotal = 0;
  let optimalTotal = 0;
  let reached = 0;
  for (let i = 0; i < EVAL_EPISODES; i++) {
    const evalEnv = new GridWorld();
    let s = evalEnv.reset();
    const d = dist.get(`${s[0]},${s[1]}`);
    optimalTotal += GOAL_REWARD + STEP_REWARD * (d - 1);
    for (;;) {
      const { state: ns, reward, done, truncated } = evalEnv.step(greedyAction(onlineNet, s));
      greedyTotal += reward;
      s = ns;
      if (done) reached++;
      if (done || truncated) break;
    }
  }

  const avg = (arr) => arr.reduce((sum, v) => sum + v, 0) / arr.length;
  const firstReturns = avg(trainReturns.slice(0, 20));
  const lastReturns = avg(trainReturns.slice(-20));
  console.log(`loss ${avg(losses.slice(0, 100)).toPrecision(3)} -> ${avg(losses.slice(-100)).toPrecision(3)} | training return ${firstReturns.toFixed(2)} -> ${lastReturns.toFixed(2)} | greedy eval return ${(greedyTotal / EVAL_EPISODES).toFixed(3)} (optimal ${(optimalTotal / EVAL_EPISODES).toFixed(3)}), reached goal ${reached}/${EVAL_EPISODES} after ${losses.length} updates`);
}

main();
