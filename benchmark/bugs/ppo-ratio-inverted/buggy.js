'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9688);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// A warehouse robot in a narrow aisle: 8 cells in a row, it starts at the dock (cell 0) and has to
// reach the pick station at the far end (cell 7). Each move costs a little battery, reaching the
// station pays +1, and the floor is slippery, so one move in ten goes the other way. The policy is a
// small dense net on the one-hot cell, trained with PPO: a batch of episodes is collected with the
// current policy, then a few epochs of the clipped surrogate objective are run on it.
const N_CELLS = 8;
const GOAL = N_CELLS - 1;
const MAX_STEPS = 20;
const STEP_COST = 0.01;
const SLIP = 0.1;
const GAMMA = 0.97;
const CLIP = 0.2;
const ITERATIONS = 40;
const EPISODES_PER_ITER = 16;
const PPO_EPOCHS = 4;
const N_EVAL = 200;

function oneHotCell(cell) {
  const v = new Array(N_CELLS).fill(0);
  v[cell] = 1;
  return v;
}

function step(cell, action) {
  const move = (action === 1 ? 1 : -1) * (rng.random() < SLIP ? -1 : 1);
  const next = Math.min(Math.max(cell + move, 0), GOAL);
  const done = next === GOAL;
  return { next, reward: (done ? 1 : 0) - STEP_COST, done };
}

function sample(probs) {
  return rng.random() < probs[0] ? 0 : 1;
}

function runEpisode(policy, greedy) {
  const states = [];
  const actions = [];
  const rewards = [];
  const logProbs = [];
  let cell = 0;
  for (let t = 0; t < MAX_STEPS; t++) {
    const probs = tf.tidy(() => tf.softmax(policy.predict(tf.tensor2d([oneHotCell(cell)], [1, N_CELLS]))).dataSync());
    const action = greedy ? (probs[1] > probs[0] ? 1 : 0) : sample(probs);
    const { next, reward, done } = step(cell, action);
    states.push(oneHotCell(cell));
    actions.push(action);
    rewards.push(reward);
    logProbs.push(Math.log(probs[action]));
    cell = next;
    if (done) break;
  }
  return { states, actions, rewards, logProbs };
}

function discountedReturns(rewards) {
  const out = new Array(rewards.length);
  let g = 0;
  for (let t = rewards.length - 1; t >= 0; t--) {
    g = rewards[t] + GAMMA * g;
    out[t] = g;
  }
  return out;
}

async function main() {
  await tf.setBackend('wasm');

  const policy = tf.sequential();
  policy.add(tf.layers.dense({ units: 16, activation: 'tanh', inputShape: [N_CELLS] }));
  policy.add(tf.layers.dense({ units: 2 }));
  const optimizer = tf.train.adam(0.01);

  const avgReturns = [];
  const losses = [];
  for (let it = 0; it < ITERATIONS; it++) {
    const batch = { states: [], actions: [], logProbs: [], returns: [] };
    let totalReturn = 0;
    for (let e = 0; e < EPISODES_PER_ITER; e++) {
      const ep = runEpisode(policy, false);
      batch.states.push(...ep.states);
      batch.actions.push(...ep.actions);
      batch.logProbs.push(...ep.logProbs);
      batch.returns.push(...discountedReturns(ep.rewards));
      totalReturn += ep.rewards.reduce((s, r) => s + r, 0);
    }
    avgReturns.push(totalReturn / EPISODES_PER_ITER);

    // advantages: discounted return minus the batch mean, scaled to unit variance
    const n = batch.returns.length;
    const meanRet = batch.returns.reduce((s, r) => s + r, 0) / n;
    const stdRet = Math.sqrt(batch.returns.reduce((s, r) => s + (r - meanRet) ** 2, 0) / n) + 1e-8;
    const states = tf.tensor2d(batch.states, [n, N_CELLS]);
    const chosen = tf.oneHot(tf.tensor1d(batch.actions, 'int32'), 2);
    const oldLogProbs = tf.tensor1d(batch.logProbs);
    const advantages = tf.tensor1d(batch.returns.map((r) => (r - meanRet) / stdRet));

    let lossValue = 0;
    for (let epoch = 0; epoch < PPO_EPOCHS; epoch++) {
      const loss = optimizer.minimize(() => {
        const newLogProbs = tf.logSoftmax(policy.predict(states)).mul(chosen).sum(1);
        const ratio = tf.exp(oldLogProbs.sub(newLogProbs));
        const unclipped = ratio.mul(advantages);
        const clipped = ratio.clipByValue(1 - CLIP, 1 + CLIP).mul(advantages);
        return tf.minimum(unclipped, clipped).mean().neg();
      }, true);
      lossValue = loss.dataSync()[0];
      loss.dispose();
    }
    losses.push(lossValue);
    tf.dispose([states, chosen, oldLogProbs, advantages]);
  }

  // held-out: greedy policy on fresh episodes
  let evalReturn = 0;
  let reached = 0;
  for (let e = 0; e < N_EVAL; e++) {
    const ep = runEpisode(policy, true);
    evalReturn += ep.rewards.reduce((s, r) => s + r, 0) / N_EVAL;
    reached += (ep.rewards[ep.rewards.length - 1] > 0 ? 1 : 0) / N_EVAL;
  }
  const avg = (arr) => arr.reduce((s, r) => s + r, 0) / arr.length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[ITERATIONS - 1].toFixed(3)} avg return ${avg(avgReturns.slice(0, 5)).toFixed(3)} -> ${avg(avgReturns.slice(-5)).toFixed(3)} | held-out greedy return ${evalReturn.toFixed(3)} reached station ${(100 * reached).toFixed(1)}%`);
}

main();
