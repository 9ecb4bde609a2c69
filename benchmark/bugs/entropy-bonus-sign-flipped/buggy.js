'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9624);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Support-ticket routing as a contextual bandit: each incoming ticket is described by 10 features
// (keyword scores for billing / login / shipping / bugs, customer tier, ticket length, ...) and the
// router sends it to the frontline desk or to one of 5 specialist teams. The reward is 1 if the
// ticket is resolved on first contact. The policy network outputs one logit per team, teams are
// sampled from its softmax, and the network is trained with REINFORCE (batch-mean baseline) plus an
// entropy term on the routing distribution so the router keeps trying other teams while it learns.
// The output bias starts from last quarter's routing shares, so the router begins from current practice.
const TEAMS = ['frontline', 'billing', 'accounts', 'logistics', 'platform', 'mobile'];
const HISTORICAL_SHARES = [0.6, 0.08, 0.08, 0.08, 0.08, 0.08];
const NUM_ACTIONS = TEAMS.length;
const NUM_FEATURES = 10;
const NUM_TICKET_TYPES = 5;
const BATCH = 64;
const ITERATIONS = 300;
const ENTROPY_BETA = 0.15;
const N_EVAL = 1000;

// hidden simulator: every ticket type has a typical feature profile and one specialist team that
// handles it well; the frontline desk solves a fair share of everything
const TYPE_CENTERS = rng.array(NUM_TICKET_TYPES, () => rng.array(NUM_FEATURES, () => rng.normal(0, 1.5)));
const BEST_TEAM = rng.array(NUM_TICKET_TYPES, (i) => i + 1);

function newTickets(n) {
  return rng.array(n, () => {
    const type = rng.int(0, NUM_TICKET_TYPES);
    return { type, features: TYPE_CENTERS[type].map((c) => c + rng.normal(0, 0.5)) };
  });
}

function resolveProbability(ticket, team) {
  if (team === BEST_TEAM[ticket.type]) return 0.8;
  return team === 0 ? 0.45 : 0.15;
}

function sampleAction(probs) {
  let u = rng.random();
  for (let a = 0; a < probs.length - 1; a++) {
    u -= probs[a];
    if (u < 0) return a;
  }
  return probs.length - 1;
}

async function main() {
  await tf.setBackend('wasm');

  const policy = tf.sequential();
  policy.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  policy.add(tf.layers.dense({ units: NUM_ACTIONS }));
  const [kernel] = policy.layers[1].getWeights();
  policy.layers[1].setWeights([kernel, tf.tensor1d(HISTORICAL_SHARES.map(Math.log))]);
  const optimizer = tf.train.adam(0.01);

  const meanRewards = [];
  const losses = [];
  const entropies = [];
  for (let it = 0; it < ITERATIONS; it++) {
    const tickets = newTickets(BATCH);
    const x = tf.tensor2d(tickets.map((t) => t.features), [BATCH, NUM_FEATURES]);
    const probs = tf.tidy(() => tf.softmax(policy.predict(x)).arraySync());
    const actions = probs.map(sampleAction);
    const rewards = actions.map((a, i) => (rng.random() < resolveProbability(tickets[i], a) ? 1 : 0));
    const baseline = rewards.reduce((s, r) => s + r, 0) / BATCH;
    const advantages = tf.tensor1d(rewards.map((r) => r - baseline));
    const chosen = tf.oneHot(tf.tensor1d(actions, 'int32'), NUM_ACTIONS);

    let entropyValue = 0;
    const loss = optimizer.minimize(() => {
      const logits = policy.predict(x);
      const logProbs = tf.logSoftmax(logits);
      const policyLoss = logProbs.mul(chosen).sum(1).mul(advantages).mean().neg();
      const entropy = tf.softmax(logits).mul(logProbs).sum(1).neg().mean();
      entropyValue = entropy.dataSync()[0];
      return policyLoss.add(entropy.mul(ENTROPY_BETA));
    }, true);
    losses.push(loss.dataSync()[0]);
    entropies.push(entropyValue);
    meanRewards.push(baseline);
    tf.dispose([x, advantages, chosen, loss]);
  }

  // held-out tickets: first-contact resolution of the greedy router against the best possible routing
  const evalTickets = newTickets(N_EVAL);
  const evalProbs = tf.tidy(() => tf.softmax(policy.predict(tf.tensor2d(evalTickets.map((t) => t.features), [N_EVAL, NUM_FEATURES]))));
  const greedy = evalProbs.argMax(1).arraySync();
  const confidence = evalProbs.max(1).mean().dataSync()[0];
  let greedyRate = 0;
  let bestRate = 0;
  let randomRate = 0;
  let bestPicked = 0;
  let frontlineShare = 0;
  evalTickets.forEach((t, i) => {
    const p = TEAMS.map((_, a) => resolveProbability(t, a));
    greedyRate += p[greedy[i]] / N_EVAL;
    bestRate += Math.max(...p) / N_EVAL;
    randomRate += p.reduce((s, q) => s + q, 0) / NUM_ACTIONS / N_EVAL;
    bestPicked += (greedy[i] === BEST_TEAM[t.type] ? 1 : 0) / N_EVAL;
    frontlineShare += (greedy[i] === 0 ? 1 : 0) / N_EVAL;
  });
  const avg = (arr) => arr.reduce((s, r) => s + r, 0) / arr.length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[ITERATIONS - 1].toFixed(3)} entropy ${entropies[0].toFixed(3)} -> ${entropies[ITERATIONS - 1].toFixed(3)} reward ${avg(meanRewards.slice(0, 20)).toFixed(3)} -> ${avg(meanRewards.slice(-20)).toFixed(3)} | held-out greedy resolution ${greedyRate.toFixed(3)} (best ${bestRate.toFixed(3)}, random ${randomRate.toFixed(3)}) best team picked ${bestPicked.toFixed(3)}, frontline share ${frontlineShare.toFixed(3)}, policy confidence ${confidence.toFixed(3)}`);
}

main();
