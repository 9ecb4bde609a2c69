'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9567);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Critic for a building thermostat controller. The current controller (a proportional heater
// policy) is logged for a day of half-hour steps per episode; every step pays a comfort penalty
// for drifting from the 21 C setpoint plus the energy cost of heating. A value network learns the
// expected discounted return V(s) from the logged episodes, to serve later as the baseline for
// policy-gradient fine-tuning. It is checked against Monte-Carlo rollouts from fresh states.
const STEPS = 48;
const GAMMA = 0.95;
const N_EPISODES = 200;
const N_EVAL_STATES = 200;
const EVAL_ROLLOUTS = 16;
const SETPOINT = 21;

function startState() {
  return { inside: rng.uniform(12, 26), outside: rng.uniform(-8, 16), t: 0 };
}

function heaterPolicy(s) {
  return Math.min(Math.max(0.25 * (SETPOINT - s.inside) + 0.02 * (SETPOINT - s.outside), 0), 1);
}

function envStep(s) {
  const heat = heaterPolicy(s);
  const reward = -0.1 * (s.inside - SETPOINT) ** 2 - heat;
  const inside = s.inside + 0.1 * (s.outside - s.inside) + 4 * heat + rng.normal(0, 0.3);
  const outside = s.outside + rng.normal(0, 0.2);
  return { next: { inside, outside, t: s.t + 1 }, reward };
}

const features = (s) => [(s.inside - SETPOINT) / 5, (s.outside - 4) / 8, s.t / STEPS];

// discounted return of every step of an episode
function discountedReturns(rewards) {
  const returns = new Array(rewards.length);
  let running = 0;
  for (let t = rewards.length - 1; t >= 0; t--) {
    running = rewards[t] + GAMMA * running;
    returns[t] = running;
  }
  return returns;
}

function collectEpisodes(n) {
  const xs = [];
  const ys = [];
  for (let e = 0; e < n; e++) {
    let s = startState();
    const rewards = [];
    for (let t = 0; t < STEPS; t++) {
      xs.push(features(s));
      const { next, reward } = envStep(s);
      rewards.push(reward);
      s = next;
    }
    for (const g of discountedReturns(rewards)) ys.push([g]);
  }
  return { xs, ys };
}

// held-out check: states reached by the controller, valued by averaging fresh rollouts to the end of the day
function monteCarloValue(s) {
  let total = 0;
  for (let k = 0; k < EVAL_ROLLOUTS; k++) {
    let cur = s;
    let discount = 1;
    while (cur.t < STEPS) {
      const { next, reward } = envStep(cur);
      total += discount * reward;
      discount *= GAMMA;
      cur = next;
    }
  }
  return total / EVAL_ROLLOUTS;
}

function evalStates(n) {
  const xs = [];
  const ys = [];
  for (let i = 0; i < n; i++) {
    let s = startState();
    const stopAt = rng.int(0, STEPS);
    while (s.t < stopAt) s = envStep(s).next;
    xs.push(features(s));
    ys.push([monteCarloValue(s)]);
  }
  return { xs, ys };
}

async function main() {
  await tf.setBackend('wasm');

  const train = collectEpisodes(N_EPISODES);
  const evalSet = evalStates(N_EVAL_STATES);
  const xTrain = tf.tensor2d(train.xs);
  const yTrain = tf.tensor2d(train.ys);
  const xEval = tf.tensor2d(evalSet.xs);
  const yEval = tf.tensor2d(evalSet.ys);

  const critic = tf.sequential();
  critic.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [3] }));
  critic.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  critic.add(tf.layers.dense({ units: 1 }));
  critic.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError', metrics: ['mae'] });

  const history = await critic.fit(xTrain, yTrain, { epochs: 20, batchSize: 128, shuffle: true, verbose: 0 });

  const h = history.history;
  const last = h.loss.length - 1;
  const [evalMse, evalMae] = critic.evaluate(xEval, yEval).map((t) => t.dataSync()[0]);
  console.log(`loss ${h.loss[0].toFixed(3)} -> ${h.loss[last].toFixed(3)} mae ${h.mae[last].toFixed(3)} | MC value check: mse ${evalMse.toFixed(3)} mae ${evalMae.toFixed(3)}`);
}

main();
