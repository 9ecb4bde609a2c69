'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9623);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Fitted Q-iteration for a delivery robot on a 6x6 shop floor with shelving (walls) and a few
// wet patches that are slow to cross. Every move costs 1, a wet patch costs 3 more, and reaching
// the dock in the far corner ends the episode. The floor model is known, so each iteration
// recomputes the Bellman targets r + gamma * max Q(s', .) for every (cell, move) from the current
// network and fits the network to them for a few gradient steps. At the end the greedy policy is
// rolled out from every free cell and compared with the cheapest routes.
//
// Hyperparameters as exported from the team's experiment sheet.
const CONFIG = JSON.parse('{"grid": 6, "walls": 7, "wetPatches": 4, "discount": 99, "iterations": 100, "stepsPerIteration": 30, "learningRate": 0.1}');
const SIZE = CONFIG.grid;
const NUM_CELLS = SIZE * SIZE;
const DOCK = NUM_CELLS - 1;
const MOVES = [[-1, 0], [1, 0], [0, -1], [0, 1]];
const GAMMA = CONFIG.discount / 100;

function buildFloor() {
  for (;;) {
    const wall = new Array(NUM_CELLS).fill(false);
    const wet = new Array(NUM_CELLS).fill(false);
    for (let k = 0; k < CONFIG.walls; k++) wall[rng.int(1, DOCK)] = true;
    for (let k = 0; k < CONFIG.wetPatches; k++) {
      const c = rng.int(1, DOCK);
      if (!wall[c]) wet[c] = true;
    }
    const best = cheapestCosts(wall, wet);
    if (best.every((d, c) => wall[c] || d < Infinity)) return { wall, wet, best };
  }
}

function step(wall, cell, action) {
  const row = Math.floor(cell / SIZE) + MOVES[action][0];
  const col = (cell % SIZE) + MOVES[action][1];
  if (row < 0 || row >= SIZE || col < 0 || col >= SIZE || wall[row * SIZE + col]) return cell;
  return row * SIZE + col;
}

// Cheapest cost of reaching the dock from each cell (1 per move, 3 more onto a wet patch).
function cheapestCosts(wall, wet) {
  const cost = new Array(NUM_CELLS).fill(Infinity);
  cost[DOCK] = 0;
  for (let sweep = 0; sweep < NUM_CELLS; sweep++) {
    for (let c = 0; c < NUM_CELLS; c++) {
      if (wall[c] || c === DOCK) continue;
      for (let a = 0; a < MOVES.length; a++) {
        const n = step(wall, c, a);
        cost[c] = Math.min(cost[c], 1 + (wet[n] ? 3 : 0) + cost[n]);
      }
    }
  }
  return cost;
}

async function main() {
  await tf.setBackend('wasm');
  const { wall, wet, best } = buildFloor();

  // Transition table for every (cell, move): next cell, reward, and whether the episode ends.
  const nextCell = [];
  const reward = [];
  const notDone = [];
  for (let c = 0; c < NUM_CELLS; c++) {
    nextCell.push([]);
    reward.push([]);
    notDone.push([]);
    for (let a = 0; a < MOVES.length; a++) {
      const n = step(wall, c, a);
      nextCell[c].push(n);
      reward[c].push(-1 - (wet[n] ? 3 : 0));
      notDone[c].push(n === DOCK ? 0 : 1);
    }
  }
  const free = [...Array(NUM_CELLS).keys()].filter((c) => !wall[c] && c !== DOCK);
  const states = tf.oneHot(tf.tensor1d(free, 'int32'), NUM_CELLS).toFloat();
  const allStates = tf.oneHot(tf.range(0, NUM_CELLS, 1, 'int32'), NUM_CELLS).toFloat();
  const rewards = tf.tensor2d(free.map((c) => reward[c]));
  const notDones = tf.tensor2d(free.map((c) => notDone[c]));

  const qNet = tf.sequential();
  qNet.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [NUM_CELLS] }));
  qNet.add(tf.layers.dense({ units: MOVES.length }));
  const optimizer = tf.train.sgd(CONFIG.learningRate);

  const losses = [];
  let maxTarget = 0;
  for (let it = 0; it < CONFIG.iterations; it++) {
    // Bellman targets from the current network: r + gamma * max_a' Q(s', a'), 0 past the dock.
    const targets = tf.tidy(() => {
      const vNext = qNet.predict(allStates).max(1).arraySync();
      const bootstrap = tf.tensor2d(free.map((c) => nextCell[c].map((n) => vNext[n])));
      return rewards.add(bootstrap.mul(notDones).mul(GAMMA));
    });
    maxTarget = tf.tidy(() => targets.abs().max().dataSync()[0]);
    let loss = 0;
    for (let k = 0; k < CONFIG.stepsPerIteration; k++) {
      const cost = optimizer.minimize(() => tf.losses.meanSquaredError(targets, qNet.predict(states)), true);
      loss = cost.dataSync()[0];
      cost.dispose();
    }
    losses.push(loss);
    targets.dispose();
  }

  // Greedy rollouts from every free cell, costed like the floor and compared with the cheapest route.
  const q = tf.tidy(() => qNet.predict(allStates).arraySync());
  let reached = 0;
  let regret = 0;
  for (const start of free) {
    let cell = start;
    let cost = 0;
    for (let moves = 0; cell !== DOCK && moves < 4 * NUM_CELLS; moves++) {
      let a = 0;
      for (let b = 1; b < MOVES.length; b++) if (q[cell][b] > q[cell][a]) a = b;
      cost -= reward[cell][a];
      cell = nextCell[cell][a];
    }
    if (cell === DOCK) {
      reached++;
      regret += cost - best[start];
    }
  }
  const nonFinite = losses.findIndex((l) => !Number.isFinite(l));
  console.log(`bellman loss ${losses[0].toFixed(3)} -> ${losses[losses.length - 1].toFixed(3)} (non-finite from iteration ${nonFinite < 0 ? 'never' : nonFinite}) max |target| ${maxTarget.toPrecision(3)} | greedy reaches dock from ${reached}/${free.length} cells, extra cost per run ${(reached ? regret / reached : NaN).toFixed(2)}`);
}

main();
