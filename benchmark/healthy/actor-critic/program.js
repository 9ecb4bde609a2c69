'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(8264);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Advantage actor-critic (A2C) in a hand-written loop: 16 copies of a small environment are
// stepped in lockstep, and every 5 steps the rollout is turned into bootstrapped n-step returns.
// The critic (state value) is trained on the squared error to those returns over its own
// variables; the actor (softmax policy) minimizes -log pi(a|s) * advantage - 0.01 * entropy over
// its own variables, the advantage using the critic's value computed beforehand with
// critic.predict and passed in as a constant (tfjs has no stopGradient). Two adam optimizers, one
// per model.
//
// Environment: a corridor of 9 cells whose two end cells are exits. A flag in the state says which
// exit is the goal (+1); the other one costs -1, and every move costs 0.02. Episodes start on a
// random inner cell and end at an exit or after 30 moves. State = one-hot cell + one-hot flag.
const CELLS = 9;
const STATE_DIM = CELLS + 2;
const ACTIONS = 2; // 0 = left, 1 = right
const MOVE_COST = 0.02;
const MAX_MOVES = 30;
const GAMMA = 0.95;
const N_ENVS = 16;
const ROLLOUT = 5;
const UPDATES = 300;
const ENTROPY_BETA = 0.01;
const EVAL_EPISODES = 200;

class Corridor {
  reset() {
    this.pos = rng.int(1, CELLS - 1);
    this.goalRight = rng.random() < 0.5;
    this.moves = 0;
    return this.state();
  }

  state() {
    const s = new Array(STATE_DIM).fill(0);
    s[this.pos] = 1;
    s[CELLS + (this.goalRight ? 1 : 0)] = 1;
    return s;
  }

  // Returns { reward, done }.
  step(action) {
    this.pos += action === 1 ? 1 : -1;
    this.moves++;
    let reward = -MOVE_COST;
    let done = false;
    if (this.pos === 0 || this.pos === CELLS - 1) {
      reward += (this.pos === CELLS - 1) === this.goalRight ? 1 : -1;
      done = true;
    }
    if (this.moves >= MAX_MOVES) done = true;
    return { reward, done };
  }

  // Best achievable return from the current start: walk straight to the goal exit.
  optimalReturn() {
    const distance = this.goalRight ? CELLS - 1 - this.pos : this.pos;
    return 1 - MOVE_COST * distance;
  }
}

function sampleCategorical(probs) {
  const u = rng.random();
  let acc = 0;
  for (let a = 0; a < probs.length - 1; a++) {
    acc += probs[a];
    if (u < acc) return a;
  }
  return probs.length - 1;
}

async function main() {
  await tf.setBackend('wasm');

  const actor = tf.sequential();
  actor.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [STATE_DIM] }));
  actor.add(tf.layers.dense({ units: ACTIONS, activation: 'softmax' }));

  const critic = tf.sequential();
  critic.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [STATE_DIM] }));
  critic.add(tf.layers.dense({ units: 1 }));

  const actorOptimizer = tf.train.adam(0.003);
  const criticOptimizer = tf.train.adam(0.01);
  const actorVars = actor.trainableWeights.map((w) => w.read());
  const criticVars = critic.trainableWeights.map((w) => w.read());

  const envs = Array.from({ length: N_ENVS }, () => new Corridor());
  let states = envs.map((env) => env.reset());
  const episodeReturns = [];
  const running = new Array(N_ENVS).fill(0);
  const actorLosses = [];
  const criticLosses = [];

  for (let update = 0; update < UPDATES; update++) {
    // Roll the 16 environments forward ROLLOUT steps with actions sampled from the policy.
    const rollStates = [];
    const rollActions = [];
    const rollRewards = [];
    const rollDones = [];
    for (let t = 0; t < ROLLOUT; t++) {
      const probs = tf.tidy(() => actor.predict(tf.tensor2d(states, [N_ENVS, STATE_DIM])).arraySync());
      const actions = probs.map(sampleCategorical);
      const rewards = [];
      const dones = [];
      const next = [];
      envs.forEach((env, i) => {
        const { reward, done } = env.step(actions[i]);
        running[i] += reward;
        rewards.push(reward);
        dones.push(done);
        if (done) {
          episodeReturns.push(running[i]);
          running[i] = 0;
          next.push(env.reset());
        } else {
          next.push(env.state());
        }
      });
      rollStates.push(states);
      rollActions.push(actions);
      rollRewards.push(rewards);
      rollDones.push(dones);
      states = next;
    }

    // n-step returns, bootstrapped from the critic's value of the state after the rollout.
    const bootstrap = tf.tidy(() => critic.predict(tf.tensor2d(states, [N_ENVS, STATE_DIM])).dataSync());
    const returns = new Array(ROLLOUT);
    let next = Array.from(bootstrap);
    for (let t = ROLLOUT - 1; t >= 0; t--) {
      returns[t] = next.map((v, i) => rollRewards[t][i] + (rollDones[t][i] ? 0 : GAMMA * v));
      next = returns[t];
    }

    const n = ROLLOUT * N_ENVS;
    const s = tf.tensor2d(rollStates.flat(), [n, STATE_DIM]);
    const a = tf.tidy(() => tf.oneHot(tf.tensor1d(rollActions.flat(), 'int32'), ACTIONS));
    const g = tf.tensor2d(returns.flat(), [n, 1]);
    const advantage = tf.tidy(() => g.sub(critic.predict(s)));

    // Actor step: policy gradient with the critic's value as a baseline (a constant here).
    const actorLoss = actorOptimizer.minimize(() => {
      const probs = actor.apply(s);
      const logProbs = tf.log(probs.clipByValue(1e-7, 1));
      const logProbTaken = logProbs.mul(a).sum(1, true);
      const entropy = probs.mul(logProbs).sum(1).neg().mean();
      return logProbTaken.mul(advantage).mean().neg().sub(entropy.mul(ENTROPY_BETA));
    }, true, actorVars);

    // Critic step: squared error to the n-step returns.
    const criticLoss = criticOptimizer.minimize(() => tf.losses.meanSquaredError(g, critic.apply(s)), true, criticVars);

    actorLosses.push(actorLoss.dataSync()[0]);
    criticLosses.push(criticLoss.dataSync()[0]);
    tf.dispose([s, a, g, advantage, actorLoss, criticLoss]);
  }

  // Held-out check: fresh episodes with the greedy policy, a uniformly random policy, and the
  // optimal return of the same starts.
  function evaluate(choose) {
    let total = 0;
    let optimal = 0;
    for (let e = 0; e < EVAL_EPISODES; e++) {
      const env = new Corridor();
      let state = env.reset();
      optimal += env.optimalReturn();
      for (;;) {
        const { reward, done } = env.step(choose(state));
        total += reward;
        if (done) break;
        state = env.state();
      }
    }
    return { mean: total / EVAL_EPISODES, optimal: optimal / EVAL_EPISODES };
  }
  const greedy = evaluate((state) => tf.tidy(() => actor.predict(tf.tensor2d([state], [1, STATE_DIM])).argMax(1).dataSync()[0]));
  const random = evaluate(() => rng.int(0, ACTIONS));
  const avg = (xs) => xs.reduce((sum, v) => sum + v, 0) / xs.length;
  console.log(`training return ${avg(episodeReturns.slice(0, 50)).toFixed(3)} -> ${avg(episodeReturns.slice(-50)).toFixed(3)} (first/last 50 episodes of ${episodeReturns.length}), critic loss ${avg(criticLosses.slice(0, 20)).toFixed(4)} -> ${avg(criticLosses.slice(-20)).toFixed(4)} | held-out greedy return ${greedy.mean.toFixed(3)} vs random ${random.mean.toFixed(3)}, optimal ${greedy.optimal.toFixed(3)}`);
}

main();
