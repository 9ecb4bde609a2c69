'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9634);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// A maintenance rover on a rail spur with 8 stops has to get back to its charger at the far end
// (stop 7) within 12 moves; it is paid 1 when it docks and nothing otherwise. Each move it can
// go back, go forward or idle. The policy network sees the rover's stop (one-hot) and outputs
// one logit per move; it is trained with REINFORCE on batches of 16 episodes, using discounted
// reward-to-go standardized over the batch as the advantage.
const MOVES = ['back', 'forward', 'idle'];
const NUM_ACTIONS = MOVES.length;
const NUM_STOPS = 8;
const CHARGER = NUM_STOPS - 1;
const MAX_MOVES = 12;
const GAMMA = 0.97;
const EPISODES_PER_BATCH = 16;
const ITERATIONS = 250;
const N_EVAL = 500;

function step(stop, action) {
  let next = stop;
  if (MOVES[action] === 'back') next = Math.max(stop - 1, 0);
  if (MOVES[action] === 'forward') next = Math.min(stop + 1, CHARGER);
  const done = next === CHARGER;
  return { next, reward: done ? 1 : 0, done };
}

function sampleAction(probs) {
  let u = rng.random();
  for (let a = 0; a < probs.length - 1; a++) {
    u -= probs[a];
    if (u < 0) return a;
  }
  return probs.length - 1;
}

// Runs a batch of episodes side by side from stop 0; returns every visited (stop, move, reward-to-go).
function runEpisodes(policy, n, chooseAction) {
  const stops = new Array(n).fill(0);
  const alive = new Array(n).fill(true);
  const trajectories = Array.from({ length: n }, () => ({ stops: [], actions: [], rewards: [] }));
  for (let t = 0; t < MAX_MOVES && alive.some((a) => a); t++) {
    const probs = tf.tidy(() => tf.softmax(policy.predict(tf.oneHot(tf.tensor1d(stops, 'int32'), NUM_STOPS).toFloat())).arraySync());
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const action = chooseAction(probs[i]);
      const { next, reward, done } = step(stops[i], action);
      trajectories[i].stops.push(stops[i]);
      trajectories[i].actions.push(action);
      trajectories[i].rewards.push(reward);
      stops[i] = next;
      if (done) alive[i] = false;
    }
  }
  return trajectories;
}

function rewardToGo(rewards) {
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
  policy.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [NUM_STOPS] }));
  policy.add(tf.layers.dense({ units: NUM_ACTIONS }));
  const optimizer = tf.train.adam(0.01);

  const losses = [];
  const dockRates = [];
  for (let it = 0; it < ITERATIONS; it++) {
    const episodes = runEpisodes(policy, EPISODES_PER_BATCH, sampleAction);
    const stops = episodes.flatMap((e) => e.stops);
    const actions = episodes.flatMap((e) => e.actions);
    const returns = episodes.flatMap((e) => rewardToGo(e.rewards));
    dockRates.push(episodes.filter((e) => e.rewards[e.rewards.length - 1] === 1).length / EPISODES_PER_BATCH);

    const x = tf.oneHot(tf.tensor1d(stops, 'int32'), NUM_STOPS).toFloat();
    const taken = tf.oneHot(tf.tensor1d(actions, 'int32'), NUM_ACTIONS).toFloat();
    const g = tf.tensor1d(returns);
    // standardize the returns within the batch so the step size does not depend on the reward scale
    const { mean, variance } = tf.moments(g);
    const advantages = g.sub(mean).div(variance.sqrt());
    const loss = optimizer.minimize(() => {
      const logProbs = tf.logSoftmax(policy.predict(x));
      return logProbs.mul(taken).sum(1).mul(advantages).mean().neg();
    }, true);
    losses.push(loss.dataSync()[0]);
    tf.dispose([x, taken, g, mean, variance, advantages, loss]);
  }

  // held-out: fresh episodes with the trained policy, sampled and greedy
  const sampled = runEpisodes(policy, N_EVAL, sampleAction);
  const docked = sampled.filter((e) => e.rewards[e.rewards.length - 1] === 1);
  const sampledRate = docked.length / N_EVAL;
  const meanMoves = docked.length > 0 ? docked.reduce((s, e) => s + e.rewards.length, 0) / docked.length : NaN;
  const greedy = runEpisodes(policy, 1, (p) => p.indexOf(Math.max(...p)))[0];
  const greedyDocks = greedy.rewards[greedy.rewards.length - 1] === 1;
  const avg = (xs) => xs.reduce((s, r) => s + r, 0) / xs.length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[ITERATIONS - 1].toFixed(3)} dock rate ${avg(dockRates.slice(0, 20)).toFixed(3)} -> ${avg(dockRates.slice(-20)).toFixed(3)} | held-out dock rate ${sampledRate.toFixed(3)} (mean moves ${meanMoves.toFixed(1)}, shortest ${CHARGER}), greedy rollout ${greedyDocks ? `docks in ${greedy.rewards.length}` : 'does not dock'}`);
}

main();
