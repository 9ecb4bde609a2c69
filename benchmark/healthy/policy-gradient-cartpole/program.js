'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(5519);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// REINFORCE in the style of tfjs-examples' cart-pole: a small policy network gives the
// probability of pushing the cart right; for every step of a game the gradients of the
// log-probability of the sampled action are taken with tf.variableGrads, then scaled by the
// normalized discounted rewards, averaged over the iteration's games and applied with
// optimizer.applyGradients.
const HIDDEN = 32;
const LEARNING_RATE = 0.05;
const DISCOUNT = 0.95;
const ITERATIONS = 12;
const GAMES_PER_ITERATION = 8;
const MAX_STEPS_TRAIN = 200;
const MAX_STEPS_EVAL = 500;
const EVAL_GAMES = 20;

// The classic cart-pole equations (Barto, Sutton & Anderson 1983), Euler steps of 0.02 s.
class CartPole {
  constructor() {
    this.gravity = 9.8;
    this.massCart = 1.0;
    this.massPole = 0.1;
    this.totalMass = this.massCart + this.massPole;
    this.length = 0.5; // half the pole's length
    this.poleMoment = this.massPole * this.length;
    this.forceMag = 10.0;
    this.tau = 0.02;
    this.xThreshold = 2.4;
    this.thetaThreshold = (12 / 360) * 2 * Math.PI;
    this.reset();
  }

  reset() {
    this.x = rng.uniform(-0.05, 0.05);
    this.xDot = rng.uniform(-0.05, 0.05);
    this.theta = rng.uniform(-0.05, 0.05);
    this.thetaDot = rng.uniform(-0.05, 0.05);
  }

  state() {
    return [this.x, this.xDot, this.theta, this.thetaDot];
  }

  // action 1 pushes right, 0 pushes left; returns whether the game is over.
  update(action) {
    const force = action === 1 ? this.forceMag : -this.forceMag;
    const cosTheta = Math.cos(this.theta);
    const sinTheta = Math.sin(this.theta);
    const temp = (force + this.poleMoment * this.thetaDot * this.thetaDot * sinTheta) / this.totalMass;
    const thetaAcc = (this.gravity * sinTheta - cosTheta * temp) / (this.length * (4 / 3 - (this.massPole * cosTheta * cosTheta) / this.totalMass));
    const xAcc = temp - (this.poleMoment * thetaAcc * cosTheta) / this.totalMass;
    this.x += this.tau * this.xDot;
    this.xDot += this.tau * xAcc;
    this.theta += this.tau * this.thetaDot;
    this.thetaDot += this.tau * thetaAcc;
    return Math.abs(this.x) > this.xThreshold || Math.abs(this.theta) > this.thetaThreshold;
  }
}

function discountRewards(rewards, discount) {
  const out = new Array(rewards.length);
  let running = 0;
  for (let i = rewards.length - 1; i >= 0; i--) {
    running = rewards[i] + discount * running;
    out[i] = running;
  }
  return out;
}

// Discounted rewards of all games, normalized by their joint mean and standard deviation.
function discountAndNormalizeRewards(gameRewards, discount) {
  const discounted = gameRewards.map((r) => discountRewards(r, discount));
  const all = discounted.flat();
  const mean = all.reduce((s, v) => s + v, 0) / all.length;
  const std = Math.sqrt(all.reduce((s, v) => s + (v - mean) * (v - mean), 0) / all.length) + 1e-8;
  return discounted.map((rs) => rs.map((r) => (r - mean) / std));
}

// Per-step gradients [game][step] -> per variable the mean of gradient * normalized reward.
function scaleAndAverageGradients(gameGradients, normalizedRewards) {
  return tf.tidy(() => {
    const averaged = {};
    for (const name of Object.keys(gameGradients[0][0])) {
      const scaled = [];
      gameGradients.forEach((steps, g) => {
        steps.forEach((grads, t) => scaled.push(grads[name].mul(normalizedRewards[g][t])));
      });
      averaged[name] = tf.addN(scaled).div(scaled.length);
    }
    return averaged;
  });
}

async function main() {
  await tf.setBackend('wasm');

  const policyNet = tf.sequential();
  policyNet.add(tf.layers.dense({ units: HIDDEN, activation: 'elu', inputShape: [4] }));
  policyNet.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  const optimizer = tf.train.adam(LEARNING_RATE);

  const cartPole = new CartPole();
  const meanLengths = [];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gameGradients = [];
    const gameRewards = [];
    for (let game = 0; game < GAMES_PER_ITERATION; game++) {
      cartPole.reset();
      const stepGradients = [];
      const rewards = [];
      for (let step = 0; step < MAX_STEPS_TRAIN; step++) {
        let action = 0;
        // Gradient of -log pi(action | state) for the action sampled from the policy.
        const { value, grads } = tf.variableGrads(() => {
          const input = tf.tensor2d([cartPole.state()], [1, 4]);
          const rightProb = policyNet.apply(input);
          action = rng.random() < rightProb.dataSync()[0] ? 1 : 0;
          const label = tf.tensor2d([[action]], [1, 1]);
          return tf.losses.logLoss(label, rightProb);
        });
        value.dispose();
        stepGradients.push(grads);
        const done = cartPole.update(action);
        rewards.push(done ? 0 : 1);
        if (done) break;
      }
      gameGradients.push(stepGradients);
      gameRewards.push(rewards);
    }
    const normalizedRewards = discountAndNormalizeRewards(gameRewards, DISCOUNT);
    const gradients = scaleAndAverageGradients(gameGradients, normalizedRewards);
    optimizer.applyGradients(gradients);
    tf.dispose(gradients);
    gameGradients.forEach((steps) => steps.forEach((grads) => tf.dispose(grads)));
    meanLengths.push(gameRewards.reduce((s, r) => s + r.length, 0) / GAMES_PER_ITERATION);
  }

  // Held-out check: fresh games with the greedy policy and with a uniformly random policy.
  function playGames(choose) {
    let total = 0;
    for (let g = 0; g < EVAL_GAMES; g++) {
      const env = new CartPole();
      let steps = 0;
      while (steps < MAX_STEPS_EVAL) {
        steps++;
        if (env.update(choose(env.state()))) break;
      }
      total += steps;
    }
    return total / EVAL_GAMES;
  }
  const greedy = playGames((s) => tf.tidy(() => (policyNet.predict(tf.tensor2d([s], [1, 4])).dataSync()[0] > 0.5 ? 1 : 0)));
  const random = playGames(() => rng.int(0, 2));
  console.log(`mean training game length ${meanLengths[0].toFixed(1)} -> ${meanLengths[meanLengths.length - 1].toFixed(1)} over ${ITERATIONS} iterations | held-out greedy policy ${greedy.toFixed(1)} steps vs random policy ${random.toFixed(1)} (max ${MAX_STEPS_EVAL})`);
}

main();
