'use strict';
const { seedEverything } = require('../../lib/prng');
const rng = seedEverything(9625);
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-backend-wasm');

// Checkout discount offers as a contextual bandit: for each shopper (8 features: visits this month,
// cart size, days since last order, coupon history, device, ...) the policy picks one of 5 discount
// levels, and the reward is the profit of the session in dollars (0 if the shopper leaves). A
// softmax policy network is trained with REINFORCE, with a learned value network as the baseline
// (actor-critic on one-step episodes). Loyal shoppers buy anyway, bargain hunters need a push; how
// loyal a shopper is is only known to the simulator.
const DISCOUNTS = [0, 0.05, 0.1, 0.2, 0.3];
const NUM_ACTIONS = DISCOUNTS.length;
const NUM_FEATURES = 8;
const MARGIN = 0.35;
const BATCH = 64;
const ITERATIONS = 300;
const N_EVAL = 1000;

const LOYALTY_WEIGHTS = rng.array(NUM_FEATURES, () => rng.normal(0, 1));

function newShoppers(n) {
  return rng.array(n, () => {
    const features = rng.array(NUM_FEATURES, () => rng.normal(0, 1));
    let z = 0;
    for (let j = 0; j < NUM_FEATURES; j++) z += LOYALTY_WEIGHTS[j] * features[j];
    const loyalty = 1 / (1 + Math.exp(-z));
    return { features, loyalty, basket: rng.uniform(30, 90) };
  });
}

function buyProbability(shopper, action) {
  const logit = -2.5 + 3 * shopper.loyalty + 15 * (1 - shopper.loyalty) * DISCOUNTS[action];
  return 1 / (1 + Math.exp(-logit));
}

function expectedProfit(shopper, action) {
  return buyProbability(shopper, action) * shopper.basket * (MARGIN - DISCOUNTS[action]);
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
  const critic = tf.sequential();
  critic.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [NUM_FEATURES] }));
  critic.add(tf.layers.dense({ units: 1 }));
  const policyOptimizer = tf.train.adam(0.01);
  const criticOptimizer = tf.train.adam(0.01);

  const meanRewards = [];
  const losses = [];
  for (let it = 0; it < ITERATIONS; it++) {
    const shoppers = newShoppers(BATCH);
    const x = tf.tensor2d(shoppers.map((s) => s.features), [BATCH, NUM_FEATURES]);
    const probs = tf.tidy(() => tf.softmax(policy.predict(x)).arraySync());
    const actions = probs.map(sampleAction);
    const profits = actions.map((a, i) => {
      const s = shoppers[i];
      return rng.random() < buyProbability(s, a) ? s.basket * (MARGIN - DISCOUNTS[a]) : 0;
    });
    const returns = tf.tensor1d(profits);
    const values = tf.tidy(() => critic.predict(x).reshape([BATCH]));
    const advantages = returns.sub(values);
    const chosen = tf.oneHot(tf.tensor1d(actions, 'int32'), NUM_ACTIONS);

    const loss = policyOptimizer.minimize(() => {
      const logProbs = tf.logSoftmax(policy.predict(x));
      return logProbs.mul(chosen).sum(1).mul(advantages).mean().neg();
    }, true);
    criticOptimizer.minimize(() => tf.losses.meanSquaredError(returns, critic.predict(x).reshape([BATCH])));
    losses.push(loss.dataSync()[0]);
    meanRewards.push(profits.reduce((s, r) => s + r, 0) / BATCH);
    tf.dispose([x, returns, values, advantages, chosen, loss]);
  }

  // held-out shoppers: expected profit of the greedy policy against the best and a random discount
  const evalShoppers = newShoppers(N_EVAL);
  const evalProbs = tf.tidy(() => tf.softmax(policy.predict(tf.tensor2d(evalShoppers.map((s) => s.features), [N_EVAL, NUM_FEATURES]))));
  const greedy = evalProbs.argMax(1).arraySync();
  let greedyProfit = 0;
  let bestProfit = 0;
  let randomProfit = 0;
  let bestPicked = 0;
  const usage = new Array(NUM_ACTIONS).fill(0);
  evalShoppers.forEach((s, i) => {
    const p = DISCOUNTS.map((_, a) => expectedProfit(s, a));
    const best = p.indexOf(Math.max(...p));
    greedyProfit += p[greedy[i]] / N_EVAL;
    bestProfit += p[best] / N_EVAL;
    randomProfit += p.reduce((sum, q) => sum + q, 0) / NUM_ACTIONS / N_EVAL;
    bestPicked += (greedy[i] === best ? 1 : 0) / N_EVAL;
    usage[greedy[i]] += 1 / N_EVAL;
  });
  const avg = (arr) => arr.reduce((s, r) => s + r, 0) / arr.length;
  console.log(`loss ${losses[0].toFixed(3)} -> ${losses[ITERATIONS - 1].toFixed(3)} profit/session ${avg(meanRewards.slice(0, 20)).toFixed(2)} -> ${avg(meanRewards.slice(-20)).toFixed(2)} | held-out greedy profit ${greedyProfit.toFixed(2)} (best ${bestProfit.toFixed(2)}, random ${randomProfit.toFixed(2)}) best discount picked ${bestPicked.toFixed(3)}, discount usage ${usage.map((u) => u.toFixed(2)).join('/')}`);
}

main();
